import { execFileSync, spawn } from 'node:child_process'
import { createReadStream, createWriteStream, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { createBrotliDecompress } from 'node:zlib'
import { chromium, type Browser } from 'playwright-core'
import { npmPack } from '../../support/tarball'

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

/**
 * The headless Chromium that the npm package @sparticuz/chromium carries (brotli-compressed), fetched from the npm
 * registry on first use and unpacked into node_modules/.cache. Not a dev dependency: its `engines` asks for Node 22.17
 * (npm ci would warn on the Node 20 this repository supports), though the binary runs on 20; and its versions that
 * declare Node 20 (143, 147) crash at start on this Debian. The binary needs no system package.
 */
const SPARTICUZ = '@sparticuz/chromium@153.0.0'
const CACHE = resolve('node_modules/.cache/hive-auth-chromium-153')

async function unpackedChromium(): Promise<string> {
  const binary = join(CACHE, 'chromium')
  if (existsSync(binary)) return binary
  mkdirSync(resolve('node_modules/.cache'), { recursive: true })
  const work = mkdtempSync(join(resolve('node_modules/.cache'), 'chromium-'))
  try {
    const [tarball] = npmPack(work, SPARTICUZ)
    execFileSync('tar', ['-xzf', tarball!, '-C', work])
    const bin = join(work, 'package/bin')
    const out = join(work, 'out')
    mkdirSync(out)
    await pipeline(createReadStream(join(bin, 'chromium.br')), createBrotliDecompress(), createWriteStream(join(out, 'chromium'), { mode: 0o700 }))
    // SwiftShader's GL libraries sit next to the binary, where Chromium looks for them.
    const untar = spawn('tar', ['-x', '-C', out], { stdio: ['pipe', 'ignore', 'inherit'] })
    const done = new Promise((ok, fail) => untar.once('close', (code) => (code === 0 ? ok(code) : fail(new Error(`tar exited with ${code}`)))))
    await pipeline(createReadStream(join(bin, 'swiftshader.tar.br')), createBrotliDecompress(), untar.stdin)
    await done
    if (!existsSync(binary)) renameSync(out, CACHE) // another worker may have finished first: keep its copy
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return binary
}

/**
 * Chromium from CHROMIUM_PATH, else Debian's /usr/bin/chromium, else the one from @sparticuz/chromium (see above).
 * `CHROMIUM_PATH=npm` picks the npm one even where Debian's is installed (the suite must pass with both).
 */
async function resolveChromium(): Promise<{ executablePath: string; args: string[] }> {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv && fromEnv !== 'npm') return { executablePath: fromEnv, args: [] }
  if (!fromEnv && existsSync('/usr/bin/chromium')) return { executablePath: '/usr/bin/chromium', args: [] }
  // Software GL is all this binary needs besides the quiet flags (not @sparticuz's own flags: they are tuned for AWS
  // Lambda, and --single-process ends the browser with its first closed context).
  return { executablePath: await unpackedChromium(), args: ['--use-angle=swiftshader', '--in-process-gpu'] }
}

/** Launches a headless Chromium for the real-browser tests. */
export async function launchChromium(): Promise<Browser> {
  const { executablePath, args } = await resolveChromium()
  return chromium.launch({ executablePath, headless: true, args: [...new Set([...args, ...QUIET_FLAGS])] })
}
