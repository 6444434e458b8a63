// Runs a Vite example (vite-dropin or vite-headless) against the devkit with one command:
//   npm run example:vite-dropin     npm run example:vite-headless
// It builds the page with Vite, starts the devkit relay and a wallet that approves, and serves the page. Paste a
// has://auth_req/… link here (or POST it to /devkit/scan with the x-hive-auth-devkit header) to have the wallet scan it, as a phone would.
//
// `--root <folder>` builds a copy of an example that lives in an app of its own (with hive-auth-react installed in its
// node_modules): the consumer tests do that with the packed tarball. Without it, the example in this repository is
// built against the repository's dist/. `--csp` serves the page under the Content-Security-Policy of
// docs/troubleshooting.md, the devkit's relay added to its connect-src.
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const args = process.argv.slice(2)
const name = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--root') ?? 'vite-dropin'
const rootArg = args.includes('--root') ? args[args.indexOf('--root') + 1] : undefined
const withCsp = args.includes('--csp')
const here = fileURLToPath(new URL('.', import.meta.url))
const root = resolve(rootArg ?? join(here, name))
const repo = join(here, '..')

// The devkit comes from the same place as the page's hive-auth-react: the app's node_modules, or this repository.
const devkitEntry = rootArg ? join(root, 'node_modules/hive-auth-react/dist/devkit-node.js') : join(repo, 'dist/devkit-node.js')
const { createWallet, crossSiteProblem, startRelay } = await import(devkitEntry)
const relay = await startRelay()
const wallet = createWallet({ url: relay.url, accounts: ['alice', 'bob'], decision: 'approve' })

const outDir = join(root, '.build')
await build({
  root,
  logLevel: 'error',
  configFile: false,
  define: { 'import.meta.env.VITE_HAS_RELAY': JSON.stringify(relay.url) },
  // One React for the page, whichever package imports it (a linked dependency must not bring a second copy).
  resolve: rootArg
    ? { dedupe: ['react', 'react-dom'] }
    : {
        dedupe: ['react', 'react-dom'],
        alias: [
          { find: /^hive-auth-react\/styles\.css$/, replacement: join(repo, 'dist/styles.css') },
          { find: /^hive-auth-react$/, replacement: join(repo, 'dist/index.js') },
        ],
      },
  build: { outDir, emptyOutDir: true, target: 'es2022' },
})

/** The policy docs/troubleshooting.md gives, read from it as written, with the devkit's relay allowed too. */
function documentedPolicy() {
  const page = readFileSync(join(repo, 'docs/troubleshooting.md'), 'utf8')
  const policy = /```text\n\s*(default-src[^\n]*)\n/.exec(page)?.[1]
  if (!policy) throw new Error('docs/troubleshooting.md has no Content-Security-Policy')
  return policy.replace(/connect-src 'self'/, `connect-src 'self' ${relay.url}`)
}
const csp = withCsp ? { 'content-security-policy': documentedPolicy() } : {}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' }
const scan = async (link) => {
  try {
    await wallet.scan(link.trim())
    return true
  } catch (error) {
    console.error(`scan: ${error.message}`)
    return false
  }
}
const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (req.method === 'POST' && url.pathname === '/devkit/scan') {
    // It makes the wallet approve: only for this machine's tools (see crossSiteProblem), never for a web page.
    const refused = crossSiteProblem(req)
    if (refused) return res.writeHead(403, { 'content-type': 'text/plain' }).end(`${refused}\n`)
    let body = ''
    for await (const chunk of req) body += chunk
    return res.writeHead((await scan(body)) ? 204 : 400).end()
  }
  const file = join(outDir, url.pathname === '/' ? 'index.html' : url.pathname)
  if (!file.startsWith(outDir) || !existsSync(file)) return res.writeHead(404).end()
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...csp })
  createReadStream(file).pipe(res)
})
await new Promise((r) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', r))
const url = `http://127.0.0.1:${server.address().port}/`
console.log(JSON.stringify({ url, relay: relay.url, csp: csp['content-security-policy'] })) // first line: machine-readable, for the tests
console.log(`${name}: open ${url} (relay ${relay.url}); paste a has:// link here to approve it in the simulated wallet`)

createInterface({ input: process.stdin }).on('line', (line) => line.startsWith('has://') && void scan(line))
const stop = async () => {
  server.close()
  wallet.close()
  await relay.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
