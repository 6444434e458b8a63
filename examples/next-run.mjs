// Runs a Next.js example against the devkit, with one command:
//   npm run example:next-app-router     npm run example:next-auth
// It installs the package into the example (the packed repository, unless `--root` names an app that has it), starts
// the devkit (a Hive node, a relay and a wallet that approves), then `next build` and `next start`. Paste a has:// link
// here (or POST it to the printed scan URL with the x-hive-auth-devkit header) to have the wallet scan it, as a phone would.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const args = process.argv.slice(2)
const name = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--root') ?? 'next-app-router'
const root = resolve(args.includes('--root') ? args[args.indexOf('--root') + 1] : fileURLToPath(new URL(name, import.meta.url)))
const repo = fileURLToPath(new URL('..', import.meta.url))

// In this repository: install the packed package afresh, as an app would have it from npm.
const installed = join(root, 'node_modules/hive-auth-react')
if (!args.includes('--root') || !existsSync(installed)) {
  rmSync(installed, { recursive: true, force: true })
  const scratch = mkdtempSync(join(tmpdir(), 'hive-auth-next-'))
  const tarball = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], { cwd: repo, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()
  mkdirSync(installed, { recursive: true })
  execFileSync('tar', ['-xzf', join(scratch, tarball), '-C', installed, '--strip-components=1'])
  rmSync(scratch, { recursive: true, force: true })
}

const { chainAccountKeys, createChain, createWallet, crossSiteProblem, startChainNode, startRelay } = await import(
  join(installed, 'dist/devkit-node.js')
)
const chain = createChain({ accounts: ['alice', 'bob'] })
const node = await startChainNode(chain)
const relay = await startRelay({ accountKeys: chainAccountKeys(chain) })
const wallet = createWallet({ url: relay.url, accounts: ['alice', 'bob'], decision: 'approve', chain })
const scan = async (link) => {
  try {
    await wallet.scan(link.trim())
    return true
  } catch (error) {
    console.error(`scan: ${error.message}`)
    return false
  }
}

const freePort = () =>
  new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => done(port))
    })
  })
const port = await freePort()
const next = createRequire(join(root, 'package.json')).resolve('next/dist/bin/next')
const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  HAS_RELAY: relay.url,
  HIVE_NODES: node.url,
  // Auth.js: the address users open (the domain logins must name) and the secret of its session cookie.
  NEXTAUTH_URL: `http://127.0.0.1:${port}`,
  NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? randomBytes(32).toString('base64url'),
}
execFileSync(process.execPath, [next, 'build'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] })
const server = spawn(process.execPath, [next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
})
await new Promise((ready) => server.stdout.on('data', (d) => String(d).includes('Ready') && ready()))

const scanner = createServer(async (req, res) => {
  const refused = crossSiteProblem(req) // it makes the wallet approve: this machine's tools only, never a web page
  if (refused) return res.writeHead(403, { 'content-type': 'text/plain' }).end(`${refused}\n`)
  let body = ''
  for await (const chunk of req) body += chunk
  res.writeHead(req.method === 'POST' && (await scan(body)) ? 204 : 400).end()
}).listen(0, '127.0.0.1')
await new Promise((r) => scanner.once('listening', r))
const url = `http://127.0.0.1:${port}/`
const scanUrl = `http://127.0.0.1:${scanner.address().port}/`
console.log(JSON.stringify({ url, scan: scanUrl, relay: relay.url })) // first line: machine-readable, for the tests
console.log(`${name}: open ${url}; paste a has:// link here (or POST it to ${scanUrl} with the x-hive-auth-devkit header) to approve it`)

createInterface({ input: process.stdin }).on('line', (line) => line.startsWith('has://') && void scan(line))
const stop = async () => {
  server.kill('SIGTERM')
  scanner.close()
  wallet.close()
  await relay.close()
  await node.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
