import { type ChildProcess, spawn } from 'node:child_process'
import { copyFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractPackage, linkOtherPackages, npmPack } from '../support/tarball'
import { launchChromium } from './support/chromium'

// The packed tarball installed into fresh Vite apps (the examples), built, and driven in Chromium over a real
// WebSocket against the devkit relay: the drop-in button on React 19 and React 18, and the headless hooks.
const repo = resolve('.')
let work: string
let tarball: string
let browser: Browser
const running: ChildProcess[] = []

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hive-auth-consumers-'))
  tarball = npmPack(work)[0]!
  browser = await launchChromium()
}, 120_000)
afterAll(async () => {
  await browser?.close()
  for (const child of running) child.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
})

/** A fresh app: the example's files, our tarball installed, React 18 from the registry when asked, the rest linked. */
function createApp(example: string, react: 18 | 19): string {
  const app = mkdtempSync(join(work, `${example}-react${react}-`))
  for (const file of ['index.html', 'main.tsx']) copyFileSync(join(repo, 'examples', example, file), join(app, file))
  const pub = join(repo, 'examples', example, 'public')
  if (existsSync(pub)) cpSync(pub, join(app, 'public'), { recursive: true })
  extractPackage(app, 'hive-auth-react', tarball)
  if (react === 18) {
    const specs = ['react@18.3.1', 'react-dom@18.3.1', 'scheduler@0.23.2', 'loose-envify@1.4.0', 'js-tokens@4.0.0']
    const files = npmPack(work, ...specs)
    for (const [i, spec] of specs.entries()) extractPackage(app, spec.slice(0, spec.lastIndexOf('@')), files[i]!)
  }
  linkOtherPackages(app)
  return app
}

/** Builds and serves the app with the devkit relay (examples/vite-app.mjs --root); returns its URL. */
async function serve(example: string, app: string, ...flags: string[]): Promise<string> {
  const child = spawn(process.execPath, [join(repo, 'examples/vite-app.mjs'), example, '--root', app, ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  running.push(child)
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d))
  const start = Date.now()
  while (!output.includes('\n')) {
    if (Date.now() - start > 90_000 || child.exitCode !== null) throw new Error(`the ${example} app did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return (JSON.parse(output.split('\n')[0]!) as { url: string }).url
}

/** Opens the page, collecting its errors. */
async function open(url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await page.goto(url)
  return { page, errors }
}
const DEVKIT = { 'x-hive-auth-devkit': '1' }
const scan = (url: string, link: string) => fetch(new URL('/devkit/scan', url), { method: 'POST', body: link, headers: DEVKIT })

describe('the drop-in button in a fresh Vite app', () => {
  it.each([19, 18] as const)('React %s: logs in, signs, logs out', async (react) => {
    const app = createApp('vite-dropin', react)
    const url = await serve('vite-dropin', app)
    const chunks = readdirSync(join(app, '.build/assets')).filter((f) => f.endsWith('.js'))
    const built = chunks.map((f) => readFileSync(join(app, '.build/assets', f), 'utf8')).join('\n')
    expect(built).toContain(react === 18 ? '18.3.1' : '19.')
    const { page, errors } = await open(url)
    try {
      await page.getByRole('button', { name: 'Log in with HiveAuth' }).click()
      await page.getByLabel('Hive account').fill('alice')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      const link = await page.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
      expect((await scan(url, link!)).status).toBe(204)
      await page.getByRole('button', { name: 'Account menu for @alice' }).waitFor()
      await page.getByRole('button', { name: 'Upvote @hiveio/welcome' }).click()
      const signed = page.getByRole('dialog', { name: 'Transaction approved' })
      expect(await signed.getByRole('figure', { name: 'Transaction id' }).locator('code').textContent()).toMatch(/^[0-9a-f]{40}$/)
      await signed.getByRole('button', { name: 'Done' }).click()
      await page.getByRole('button', { name: 'Account menu for @alice' }).click()
      await page.getByRole('menuitem', { name: 'Log out @alice' }).click()
      await page.getByRole('button', { name: 'Log in with HiveAuth' }).waitFor()
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })
})

describe('under the Content-Security-Policy of docs/troubleshooting.md', () => {
  it('the drop-in logs in, signs and logs out with no violation (no inline script or style, no eval)', async () => {
    const app = createApp('vite-dropin', 19)
    const url = await serve('vite-dropin', app, '--csp')
    const policy = (await fetch(url)).headers.get('content-security-policy')
    expect(policy).toMatch(/^default-src 'self'; script-src 'self'; style-src 'self';/)
    const { page, errors } = await open(url)
    const violations: string[] = []
    await page.exposeFunction('reportViolation', (v: string) => void violations.push(v))
    await page.addInitScript(() =>
      document.addEventListener('securitypolicyviolation', (e) =>
        (window as unknown as { reportViolation(v: string): void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
      ),
    )
    try {
      await page.reload()
      await page.getByRole('button', { name: 'Log in with HiveAuth' }).click()
      await page.getByLabel('Hive account').fill('alice')
      await page.getByRole('button', { name: 'Continue', exact: true }).click()
      const link = await page.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
      expect(await page.locator('.has-qr svg').isVisible()).toBe(true)
      expect((await scan(url, link!)).status).toBe(204)
      await page.getByRole('button', { name: 'Account menu for @alice' }).waitFor()
      await page.getByRole('button', { name: 'Upvote @hiveio/welcome' }).click()
      await page.getByRole('dialog', { name: 'Transaction approved' }).getByRole('button', { name: 'Done' }).click()
      await page.getByRole('button', { name: 'Account menu for @alice' }).click()
      await page.getByRole('menuitem', { name: 'Log out @alice' }).click()
      await page.getByRole('button', { name: 'Log in with HiveAuth' }).waitFor()
      // The kit's own styles applied: its stylesheet loaded under style-src 'self'.
      expect(await page.getByRole('button', { name: 'Log in with HiveAuth' }).evaluate((b) => getComputedStyle(b).borderRadius)).not.toBe('0px')
      expect(violations).toEqual([])
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })
})

describe('the headless hooks in a fresh Vite app', () => {
  it('logs in with your own QR code and buttons, signs, logs out', async () => {
    const app = createApp('vite-headless', 19)
    const url = await serve('vite-headless', app)
    const { page, errors } = await open(url)
    try {
      await page.getByLabel('Hive account').fill('bob')
      await page.getByRole('button', { name: 'Log in' }).click()
      const link = await page.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
      expect(await page.locator('svg').count()).toBe(1) // the page's own QR code
      expect((await scan(url, link!)).status).toBe(204)
      await page.getByText('Hello @bob').waitFor()
      await page.getByRole('button', { name: 'Upvote @hiveio/welcome' }).click()
      expect(await page.getByText(/^Transaction [0-9a-f]{40}$/).textContent()).toMatch(/[0-9a-f]{40}/)
      await page.getByRole('button', { name: 'Log out' }).click()
      await page.getByLabel('Hive account').waitFor()
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })
})

/** A fresh Next.js app made of an example's files, our tarball and the rest linked; started by examples/next-run.mjs. */
async function startNextApp(example: 'next-app-router' | 'next-auth') {
  const app = mkdtempSync(join(work, `${example}-`))
  for (const folder of ['app', 'lib']) {
    if (existsSync(join(repo, 'examples', example, folder))) cpSync(join(repo, 'examples', example, folder), join(app, folder), { recursive: true })
  }
  copyFileSync(join(repo, 'examples', example, 'tsconfig.json'), join(app, 'tsconfig.json'))
  // Its dependencies other than ours are linked from this repository: Turbopack must see both folders.
  writeFileSync(join(app, 'next.config.mjs'), 'export default { turbopack: { root: "/" } }\n')
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'next-consumer', private: true, type: 'module' }))
  extractPackage(app, 'hive-auth-react', tarball)
  linkOtherPackages(app)
  const child = spawn(process.execPath, [join(repo, 'examples/next-run.mjs'), example, '--root', app], { stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d))
  child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d))
  const start = Date.now()
  while (!output.startsWith('{') || !output.includes('\n')) {
    if (Date.now() - start > 240_000 || child.exitCode !== null) throw new Error(`the Next.js app did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return JSON.parse(output.split('\n')[0]!) as { url: string; scan: string }
}

/** Opens the login modal, types alice, and has the devkit wallet scan the link it shows. */
async function logInAlice(page: Page, scanUrl: string) {
  await page.getByRole('button', { name: 'Log in with HiveAuth' }).click()
  await page.getByLabel('Hive account').fill('alice')
  await page.getByRole('button', { name: 'Continue', exact: true }).click()
  const link = await page.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
  expect((await fetch(scanUrl, { method: 'POST', body: link!, headers: DEVKIT })).status).toBe(204)
}

describe('a fresh Next.js App Router app', () => {
  it('builds offline; a server component uses core helpers from the main entry; the button hydrates and logs in', async () => {
    const { url, scan } = await startNextApp('next-app-router')
    // Server-rendered: a placeholder, never "Log in", and the server component's own line.
    const html = await (await fetch(url)).text()
    expect(html).toContain('The server saw nobody logged in.')
    expect(html).toContain('has-button--placeholder')

    const { page, errors } = await open(url)
    try {
      await logInAlice(page, scan)
      await page.getByRole('button', { name: 'Account menu for @alice' }).waitFor()
      // Reloaded, the server reads the session cookie and renders @alice before any script runs.
      const reloaded = await page.context().request.get(url)
      expect(await reloaded.text()).toContain('The server saw @alice logged in.')
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  }, 300_000)
})

describe('the Auth.js example in a fresh Next.js app', () => {
  it('signs in with Hive through a credentials provider that verifies the message on the server, then signs out', async () => {
    const { url, scan } = await startNextApp('next-auth')
    const { page, errors } = await open(url)
    try {
      await expect(page.getByTestId('server-says').textContent()).resolves.toBe('Auth.js session: none')
      await logInAlice(page, scan)
      await page.getByRole('button', { name: 'Account menu for @alice (Verified login)' }).waitFor()
      await expect.poll(() => page.getByTestId('server-says').textContent(), { timeout: 15_000 }).toBe('Auth.js session: @alice')
      const session = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token')
      expect(session).toMatchObject({ httpOnly: true })
      const copied = `next-auth.session-token=${session!.value}`
      const sessionWith = async (cookie: string) => (await fetch(`${url}/api/auth/session`, { headers: { cookie } })).json()
      await expect(sessionWith(copied)).resolves.toMatchObject({ user: { name: 'alice' } })
      await page.screenshot({ path: '.screenshots/next-auth-signed-in.png' })
      await page.getByRole('button', { name: /Account menu for @alice/ }).click()
      await page.getByRole('menuitem', { name: 'Log out @alice' }).click()
      await expect.poll(() => page.getByTestId('server-says').textContent(), { timeout: 15_000 }).toBe('Auth.js session: none')
      // A copy of the signed-out JWT (a stolen cookie, another tab) is worth nothing: the session ended on the server.
      await expect(sessionWith(copied)).resolves.toEqual({})
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  }, 300_000)
})
