import type { Browser } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createChain } from '../../src/devkit/chain'
import { type FakeHiveSigner, startFakeHiveSigner } from '../../src/devkit/fakeHiveSigner'
import { launchChromium } from './support/chromium'
import { serveStatic } from './support/staticServer'

// HiveSigner end to end in real Chromium: a dApp page on one origin, the devkit's fake HiveSigner on another, a real
// pop-up opened by a real click, HiveSigner's Authorize page approved in it, the callback page handing the token to
// the dApp's tab over a real BroadcastChannel, then a vote through HiveSigner's API landing on the devkit chain.
const OUT = 'test-results/hivesigner-page'
const chain = createChain({ accounts: ['alice', 'bob'] })
let browser: Browser
let page: Awaited<ReturnType<typeof serveStatic>>
let wallet: FakeHiveSigner

beforeAll(async () => {
  await build({
    root: 'test/e2e/fixtures/hivesigner',
    base: './',
    logLevel: 'silent',
    configFile: false,
    build: {
      outDir: `${process.cwd()}/${OUT}`,
      emptyOutDir: true,
      rollupOptions: { input: ['index.html', 'callback.html'].map((f) => `test/e2e/fixtures/hivesigner/${f}`) },
    },
  })
  page = await serveStatic(OUT, 'index.html')
  wallet = await startFakeHiveSigner({ accounts: ['alice'], chain, apps: { 'my.app': [`${page.url}/callback.html`] }, decision: 'manual' })
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  await page?.close()
  await wallet?.close()
})

describe('HiveSigner in Chromium', () => {
  it('logs in through its pop-up and votes through its API', async () => {
    const context = await browser.newContext()
    const dapp = await context.newPage()
    await dapp.goto(`${page.url}/index.html?hs=${encodeURIComponent(wallet.url)}`)
    await dapp.waitForFunction(() => document.title === 'ready')
    const [popup] = await Promise.all([context.waitForEvent('page'), dapp.click('#login')])
    await popup.waitForURL(/\/oauth2\/authorize\?/)
    expect(await popup.locator('h1').textContent()).toBe('Authorize @my.app')
    await popup.click('#approve')
    await dapp.waitForFunction(() => document.querySelector('#result')?.textContent !== '', undefined, { timeout: 10_000 })
    expect(await dapp.locator('#result').textContent()).toBe('logged in @alice via hivesigner')
    await expect.poll(() => popup.isClosed()).toBe(true)

    await dapp.click('#vote')
    await dapp.waitForFunction(() => document.querySelector('#result')?.textContent?.startsWith('voted'), undefined, { timeout: 10_000 })
    const txid = (await dapp.locator('#result').textContent())!.slice('voted '.length)
    expect(chain.transactions().map((t) => t.txid)).toContain(txid)
    await context.close()
  })
})
