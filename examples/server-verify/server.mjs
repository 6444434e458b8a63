// Sign in with Hive, verified on a server: GET /nonce, POST /login (verify, then an HttpOnly session cookie),
// POST /logout, GET /me. Plain node:http: three routes need no framework. Runs against the devkit (relay, wallet and
// Hive node in this process): `npm run example:server-verify`, then open the printed URL.
import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateNonce, verifyLoginMessage } from 'hive-auth-react/core'
import { chainAccountKeys, createChain, createWallet, startRelay } from 'hive-auth-react/devkit/node'
import { build } from 'vite'

const here = fileURLToPath(new URL('.', import.meta.url))
const dist = join(here, '.build')
const repo = join(here, '../..')
await build({
  root: join(here, 'page'),
  logLevel: 'error',
  configFile: false,
  resolve: {
    alias: [
      { find: /^hive-auth-react\/styles\.css$/, replacement: join(repo, 'dist/styles.css') },
      { find: /^hive-auth-react$/, replacement: join(repo, 'dist/index.js') },
    ],
  },
  build: { outDir: dist, emptyOutDir: true, target: 'es2022' },
})

// The devkit: a Hive node with alice and bob, a relay that checks wallets' proofs against it, and a wallet.
const chain = createChain({ accounts: ['alice', 'bob'] })
const relay = await startRelay({ accountKeys: chainAccountKeys(chain) })
const wallet = createWallet({ url: relay.url, accounts: ['alice', 'bob'], chain })
await wallet.connect()

const nonces = new Map() // nonce → issued at (ms)
const sessions = new Map() // session id → account
const NONCE_MS = 5 * 60_000
let rpcUrl = ''

const cookieOf = (req) => /(?:^|;\s*)sid=([A-Za-z0-9_-]+)/.exec(req.headers.cookie ?? '')?.[1]
const send = (res, status, body, headers = {}) => res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
const readBody = (req) =>
  new Promise((resolve, reject) => {
    let text = ''
    req.setEncoding('utf8')
    req.on('data', (chunk) => {
      text += chunk
      if (text.length > 20_000) req.destroy()
    })
    req.on('end', () => resolve(text))
    req.on('error', reject)
  })

const server = createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost')
  try {
    if (req.method === 'GET' && url.pathname === '/config') return send(res, 200, { relay: relay.url })
    if (req.method === 'GET' && url.pathname === '/nonce') {
      const nonce = generateNonce()
      nonces.set(nonce, Date.now())
      return res.writeHead(200, { 'content-type': 'text/plain' }).end(nonce)
    }
    if (req.method === 'POST' && url.pathname === '/login') {
      const { message, signature } = JSON.parse(await readBody(req))
      const nonce = /\nNonce: (\w+)\n/.exec(String(message))?.[1] ?? ''
      const issued = nonces.get(nonce)
      nonces.delete(nonce) // single use, whatever happens next
      if (!issued || Date.now() - issued > NONCE_MS) return send(res, 401, { error: 'unknown or stale nonce' })
      const result = await verifyLoginMessage({ message, signature, domain: req.headers.host ?? '', nonce, nodes: [rpcUrl] })
      if (!result.valid) return send(res, 401, { error: result.reason })
      const sid = randomBytes(24).toString('base64url')
      sessions.set(sid, result.account)
      return send(res, 200, { account: result.account }, { 'set-cookie': `sid=${sid}; HttpOnly; SameSite=Strict; Path=/` })
    }
    if (req.method === 'POST' && url.pathname === '/logout') {
      sessions.delete(cookieOf(req))
      return send(res, 200, { ok: true }, { 'set-cookie': 'sid=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0' })
    }
    if (req.method === 'GET' && url.pathname === '/me') {
      const account = sessions.get(cookieOf(req))
      return account ? send(res, 200, { account }) : send(res, 401, { error: 'not logged in' })
    }
    // The devkit's Hive node, and "the phone": scanning the QR code's link with the simulated wallet.
    if (req.method === 'POST' && url.pathname === '/rpc') return send(res, 200, chain.handle(JSON.parse(await readBody(req))))
    if (req.method === 'POST' && url.pathname === '/devkit/scan') {
      await wallet.scan((await readBody(req)).trim())
      return send(res, 200, { ok: true })
    }
    const file = join(dist, url.pathname === '/' ? 'index.html' : url.pathname)
    if (req.method === 'GET' && file.startsWith(dist) && existsSync(file)) {
      const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' })
      return void createReadStream(file).pipe(res)
    }
    send(res, 404, { error: 'not found' })
  } catch (error) {
    send(res, 400, { error: error instanceof Error ? error.message : 'bad request' })
  }
})

await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', resolve))
const origin = `http://127.0.0.1:${server.address().port}`
rpcUrl = `${origin}/rpc`
console.log(`server example on ${origin} (devkit relay ${relay.url}; scan a login link with: curl -d 'has://auth_req/…' ${origin}/devkit/scan)`)

const stop = async () => {
  wallet.close()
  await relay.close()
  server.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
