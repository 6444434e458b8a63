import { type ChildProcess, spawn } from 'node:child_process'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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
