import { type ChildProcess, spawn } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLoginMessage } from '../../src/core/chain/loginMessage'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { signMessage } from '../../src/devkit/keys'
import { launchChromium } from './support/chromium'

// examples/server-verify in real Chromium: Sign in with Hive verified by its server, an HttpOnly session cookie, logout.
let server: ChildProcess
let origin = ''
let browser: Browser

beforeAll(async () => {
  server = spawn(process.execPath, ['examples/server-verify/server.mjs'], { env: { ...process.env, PORT: '0' } })
  let output = ''
  server.stdout?.setEncoding('utf8').on('data', (d: string) => (output += d))
  server.stderr?.setEncoding('utf8').on('data', (d: string) => (output += d))
  const start = Date.now()
  while (!/server example on (http:\/\/127\.0\.0\.1:\d+)/.test(output)) {
    if (Date.now() - start > 60_000) throw new Error(`the example did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  origin = /server example on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
  server?.kill('SIGTERM')
})

describe('the server-verification example', () => {
  it('logs in (the server verifies the signed message and sets an HttpOnly cookie), then logs out', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(origin)
    await expect.poll(() => page.getByLabel('server session').textContent()).toBe('nobody') // '…' until the page asked the server
    await page.getByRole('button', { name: 'Log in with HiveAuth' }).click()
    await page.getByLabel('Hive account').fill('alice')
    await page.getByRole('button', { name: 'Continue' }).click()
    const link = await page.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
    // What a web page elsewhere could send (no devkit header, a foreign Origin) must not make the wallet approve.
    const forged = await fetch(`${origin}/devkit/scan`, { method: 'POST', body: link!, headers: { origin: 'https://evil.example' } })
    expect(forged.status).toBe(403)
    const scanned = await fetch(`${origin}/devkit/scan`, { method: 'POST', body: link!, headers: { 'x-hive-auth-devkit': '1' } })
    expect(scanned.ok).toBe(true)
    await page.getByRole('button', { name: 'Account menu for @alice (Verified login)' }).waitFor({ timeout: 10_000 })
    await page.getByRole('dialog').waitFor({ state: 'detached' }) // the modal closed by itself
    await expect.poll(() => page.getByLabel('server session').textContent()).toBe('@alice')
    expect(await page.evaluate(() => document.cookie)).not.toContain('sid=') // HttpOnly: scripts cannot read it
    const cookies = await page.context().cookies()
    expect(cookies.find((c) => c.name === 'sid')).toMatchObject({ httpOnly: true, sameSite: 'Strict' })
    await page.screenshot({ path: '.screenshots/server-verify-logged-in.png' })

    await page.getByRole('button', { name: /Account menu for @alice/ }).click()
    await page.getByRole('menuitem', { name: 'Log out @alice' }).click()
    await expect.poll(() => page.getByLabel('server session').textContent()).toBe('nobody')
    expect((await fetch(`${origin}/me`)).status).toBe(401)
    expect(errors).toEqual([])
  })
})

describe('login CSRF', () => {
  let attacker: Server | undefined
  afterAll(() => attacker?.close())

  it('a form on another site posting the attacker’s own signed login gives the victim no session', async () => {
    // The attacker (who owns @alice's keys here) gets a nonce and signs a login for this origin, as the page would.
    const nonce = await (await fetch(`${origin}/nonce`)).text()
    const { host } = new URL(origin)
    const message = createLoginMessage({ scheme: 'http', domain: host, account: 'alice', uri: `${origin}/`, nonce })
    const signature = signMessage(message, createDevkitAccount('alice').keys.posting!)
    // text/plain form encoding writes name=value: the name opens the JSON, the value closes it.
    const json = JSON.stringify({ message, signature, pad: '' }).slice(0, -2)
    const page = `<!doctype html><title>win a prize</title><form method="post" action="${origin}/login" enctype="text/plain"><input type="hidden" name='${json}' value='"}'></form><script>document.forms[0].submit()</script>`
    attacker = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page))
    await new Promise<void>((resolve) => attacker!.listen(0, '127.0.0.1', resolve))
    const attackerOrigin = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`

    const context = await browser.newContext()
    const victim = await context.newPage()
    const answer = victim.waitForResponse((r) => r.url() === `${origin}/login`)
    await victim.goto(attackerOrigin)
    expect((await answer).status()).toBe(403) // refused as cross-site (and a text/plain body would be 415)
    expect((await context.cookies(origin)).find((c) => c.name === 'sid')).toBeUndefined()
    const me = await victim.goto(`${origin}/me`)
    expect(me?.status()).toBe(401)
    await context.close()
  })
})
