import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

// Quiet and local: no sandbox (CI runs as root), no GPU, and no lookups of Google hosts at start-up.
const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
]

/** Chromium from CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the binary shipped in @sparticuz/chromium. */
async function resolveChromium(): Promise<{ executablePath: string; args: string[] }> {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) return { executablePath: fromEnv, args: [] }
  if (existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: [] }
  const sparticuz = (await import('@sparticuz/chromium')).default
  // Not its `args`: they are tuned for AWS Lambda (--single-process ends the browser with its first closed context,
  // --disable-web-security would hide real bugs). Software GL is all this binary needs besides the quiet flags.
  return { executablePath: await sparticuz.executablePath(), args: ['--use-angle=swiftshader', '--in-process-gpu'] }
}

/** Launches a headless Chromium for the real-browser tests. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await resolveChromium()
  return chromium.launch({ executablePath, headless: true, args: [...new Set([...args, ...QUIET_FLAGS])] })
}
