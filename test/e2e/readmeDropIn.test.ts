import { type ChildProcess, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { build } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractPackage, linkOtherPackages, npmPack } from '../support/tarball'
import { launchChromium } from './support/chromium'
import { serveStatic } from './support/staticServer'

// The README's first hour, followed as written: its drop-in pasted as src/App.tsx of a fresh Vite + React app (the
// files `npm create vite` makes), the packed tarball installed, "Try it locally" done step by step (the devkit CLI,
// the `hosts` line, the link pasted into the CLI's terminal), in Chromium.
const readme = readFileSync('README.md', 'utf8')
const section = (heading: string) => readme.slice(readme.indexOf(heading)).split('\n## ')[0]!
const dropIn = /```tsx\n([\s\S]*?)```/.exec(section('## Log in: the drop-in'))![1]!
const tryLocally = section('## Try it locally')
const cliCommand = /`npx hive-auth-devkit ([^`]*)`/.exec(tryLocally)![1]!
const providerWithHosts = /Point your app at it: `([^`]+)`/.exec(tryLocally)![1]!

let work: string
let browser: Browser
let cli: ChildProcess
let server: Awaited<ReturnType<typeof serveStatic>>

const VITE_MAIN = `import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import App from './App.tsx'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
`
const VITE_INDEX = `<!doctype html>
<html lang="en">
  <head><meta charset="UTF-8" /><link rel="icon" href="data:," /><title>Vite + React + TS</title></head>
  <body><div id="root"></div><script type="module" src="/src/main.tsx"></script></body>
</html>
`

/** Step 1: the devkit CLI from the installed package, as `npx hive-auth-devkit` runs it (on a free port); its relay URL. */
async function startCli(app: string): Promise<string> {
  const args = cliCommand.split(' ').map((arg, i, all) => (all[i - 1] === '--port' ? '0' : arg))
  cli = spawn(process.execPath, [join(app, 'node_modules/hive-auth-react/dist/cli.js'), ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  let output = ''
  cli.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d))
  cli.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d))
  const start = Date.now()
  while (!/relay on (ws:\/\/\S+)/.test(output)) {
    if (Date.now() - start > 20_000 || cli.exitCode !== null) throw new Error(`the devkit CLI did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return /relay on (ws:\/\/\S+)/.exec(output)![1]!
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'hive-auth-readme-'))
  const app = join(work, 'my-app')
  mkdirSync(join(app, 'src'), { recursive: true })
  extractPackage(app, 'hive-auth-react', npmPack(work)[0]!)
  linkOtherPackages(app)
  const relayUrl = await startCli(app)
  // Step 2, as the README words it: the provider's opening tag gains `hosts` (here the CLI's free port, not 8090).
  expect(dropIn).toContain("<HasProvider app={{ name: 'My dApp' }}>")
  const pasted = dropIn.replace("<HasProvider app={{ name: 'My dApp' }}>", providerWithHosts.replace('ws://127.0.0.1:8090', relayUrl))
  expect(pasted).toContain(relayUrl)
  writeFileSync(join(app, 'src/App.tsx'), pasted)
  writeFileSync(join(app, 'src/main.tsx'), VITE_MAIN)
  writeFileSync(join(app, 'index.html'), VITE_INDEX)
  const react = (await import('@vitejs/plugin-react')).default
  await build({ root: app, logLevel: 'error', configFile: false, plugins: [react()], build: { outDir: join(app, 'dist') } })
  server = await serveStatic(join(app, 'dist'), 'index.html')
  browser = await launchChromium()
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await server?.close()
  cli?.kill('SIGTERM')
  rmSync(work, { recursive: true, force: true })
})

describe("the README's drop-in, pasted into a fresh Vite app", () => {
  it('logs in against the devkit CLI when the link is pasted into its terminal, with no error on the page', async () => {
    const page = await browser.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(e.message))
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
    // Avatars offline: the default avatar service answers with a local picture.
    const avatar = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="12" fill="#c4001a"/></svg>'
    await page.route('https://images.hive.blog/**', (route) => route.fulfill({ contentType: 'image/svg+xml', body: avatar }))
    try {
      await page.goto(server.url)
      // Step 3: log in as alice, take the link ("Copy link" copies the same), paste it into the CLI's terminal.
      await page.getByRole('button', { name: 'Log in with HiveAuth' }).click()
      await page.getByLabel('Hive account').fill('alice')
      await page.getByLabel('Hive account').press('Enter')
      const link = await page.getByRole('link', { name: 'Open in wallet' }).getAttribute('href')
      expect(link).toMatch(/^has:\/\/auth_req\//)
      cli.stdin!.write(`${link}\n`)
      await page.getByRole('button', { name: 'Account menu for @alice' }).waitFor({ timeout: 15_000 })
      expect(await page.locator('img.has-avatar').count()).toBe(1) // the default avatar, served offline
      await page.screenshot({ path: '.screenshots/readme-drop-in-logged-in.png' })
      expect(errors).toEqual([])
    } finally {
      await page.close()
    }
  })
})
