import type { Browser, BrowserContext, Page } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './support/chromium'
import { serveStatic } from './support/staticServer'

// Real tabs of one origin in real Chromium, sharing real localStorage and its `storage` events.
const OUT = 'test-results/tabs-page'
let browser: Browser
let context: BrowserContext
let server: Awaited<ReturnType<typeof serveStatic>>

beforeAll(async () => {
  await build({
    root: 'test/e2e/fixtures/tabs',
    base: './',
    logLevel: 'silent',
    configFile: false,
    build: { outDir: `${process.cwd()}/${OUT}`, emptyOutDir: true },
  })
  server = await serveStatic(OUT, 'index.html')
  browser = await launchChromium()
  context = await browser.newContext()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

type TabApi = { accounts(): string[]; login(account: string): Promise<string>; logout(account?: string): void }
declare const tab: TabApi

async function openTab(): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${server.url}/index.html`)
  await page.waitForFunction(() => document.title === 'ready')
  return page
}
const accountsOf = (page: Page) => page.evaluate(() => tab.accounts())

describe('sessions shared by the tabs of one origin', () => {
  it('a login and a logout in one tab reach the other; two logouts in two tabs both hold; a fresh tab agrees', async () => {
    const a = await openTab()
    const b = await openTab()
    expect(await a.evaluate(() => tab.login('alice'))).toBe('alice')
    expect(await a.evaluate(() => tab.login('bob'))).toBe('bob')
    await b.waitForFunction(() => tab.accounts().join() === 'bob,alice', undefined, { timeout: 1000 })

    await a.evaluate(() => tab.logout('alice'))
    await b.waitForFunction(() => tab.accounts().join() === 'bob', undefined, { timeout: 1000 })
    await b.evaluate(() => tab.logout('bob'))
    await a.waitForFunction(() => tab.accounts().length === 0, undefined, { timeout: 1000 })

    const fresh = await openTab()
    expect(await accountsOf(fresh)).toEqual([])
    expect(await accountsOf(a)).toEqual([])
    expect(await accountsOf(b)).toEqual([])
  })

  it('two tabs logging out two accounts at the same moment both hold (ten times over): the tabs converge within a second', async () => {
    const a = await openTab()
    const b = await openTab()
    for (let round = 0; round < 10; round++) {
      await a.evaluate(() => tab.login('carol'))
      await a.evaluate(() => tab.login('alice'))
      await b.waitForFunction(() => tab.accounts().length === 2, undefined, { timeout: 1000 })
      await Promise.all([a.evaluate(() => tab.logout('carol')), b.evaluate(() => tab.logout('alice'))])
      await a.waitForFunction(() => tab.accounts().length === 0, undefined, { timeout: 1000 })
      await b.waitForFunction(() => tab.accounts().length === 0, undefined, { timeout: 1000 })
      const fresh = await openTab()
      expect(await accountsOf(fresh)).toEqual([])
      await fresh.close()
    }
  })
})
