// Sign in with Hive, verified on a server, as a deployment runs it: GET /nonce, POST /login (verifyLogin, then an
// HttpOnly session cookie), POST /logout, GET /me. Plain node:http: four routes need no framework.
//
//   npm run example:server-verify                      one instance, nonces and sessions in memory
//   ORIGIN=https://app.example REDIS_URL=redis://127.0.0.1:6379 PORT=8081 node examples/server-verify/server.mjs
//                                                      one of several instances behind one origin, sharing Redis
//
// ORIGIN is the address users open (default: the address this instance serves). The domain and URI a login must name
// come from it, never from the request: a Host header is whatever the client says. Each instance runs the devkit (a
// Hive node with alice and bob, a relay, a wallet) in-process; their test keys are the same everywhere.
import { randomBytes } from 'node:crypto'
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createInFlightLimit, createMemoryStore, createRedisStore, issueNonce, verifyLogin } from 'hive-auth-react/server'
import { chainAccountKeys, createChain, createWallet, crossSiteProblem, DEVKIT_HEADER, startRelay } from 'hive-auth-react/devkit/node'
import { build } from 'vite'
import { createRateLimit, failureOf, loginRequestProblem } from './guards.mjs'

const here = fileURLToPath(new URL('.', import.meta.url))
const dist = mkdtempSync(join(tmpdir(), 'server-verify-')) // one per instance: several may start at once
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

const chain = createChain({ accounts: ['alice', 'bob'] })
const relay = await startRelay({ accountKeys: chainAccountKeys(chain) })
const wallet = createWallet({ url: relay.url, accounts: ['alice', 'bob'], chain })
await wallet.connect()

// Nonces and sessions: in Redis when REDIS_URL is set (every instance sees them), else in this process. A Redis that is
// down when this starts is waited for; one that goes away later makes requests fail with 503 until it is back.
let redis
if (process.env.REDIS_URL) {
  const { createClient } = await import('redis')
  redis = createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true, socket: { reconnectStrategy: () => 500 } })
  redis.on('error', (error) => console.error(`redis: ${error.message}`)) // without a listener, node-redis's error event kills the process
  await redis.connect()
}
const store = redis ? createRedisStore(redis, { prefix: 'server-verify:' }) : createMemoryStore()
const verifications = createInFlightLimit() // a flood of logins queues no unbounded work
const nonceLimit = createRateLimit({ max: 30, windowMs: 60_000 }) // per client address
const SESSION_MS = 24 * 3600_000
let origin = process.env.ORIGIN
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
      if (!nonceLimit(req.socket.remoteAddress ?? '')) return send(res, 429, { error: 'too many nonces; wait a minute' })
      const nonce = await issueNonce(store) // before anything is written: a store error still gets its 503
      return res.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store' }).end(nonce)
    }
    if (req.method === 'POST' && url.pathname === '/login') {
      const refused = loginRequestProblem(req, origin)
      if (refused) return send(res, refused.status, { error: refused.error })
      const { message, signature } = JSON.parse(await readBody(req))
      const result = await verifyLogin({
        message: String(message),
        signature: String(signature),
        domain: new URL(origin).origin, // the scheme counts: a login made on http:// is not one for https://
        uri: `${new URL(origin).origin}/`,
        store,
        limit: verifications,
        nodes: [rpcUrl],
      })
      if (result.code === 'busy') return send(res, 503, { error: 'busy', reason: result.reason }, { 'retry-after': '1' })
      if (!result.valid) return send(res, 401, { error: result.code, reason: result.reason })
      const sid = randomBytes(24).toString('base64url')
      await store.add(`session:${sid}`, result.account, SESSION_MS)
      const secure = origin.startsWith('https:') ? '; Secure' : ''
      return send(res, 200, { account: result.account }, { 'set-cookie': `sid=${sid}; HttpOnly; SameSite=Strict; Path=/${secure}` })
    }
    if (req.method === 'POST' && url.pathname === '/logout') {
      const refused = loginRequestProblem(req, origin)
      if (refused?.status === 403) return send(res, 403, { error: refused.error })
      const sid = cookieOf(req)
      if (sid) await store.delete(`session:${sid}`)
      return send(res, 200, { ok: true }, { 'set-cookie': 'sid=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0' })
    }
    if (req.method === 'GET' && url.pathname === '/me') {
      const sid = cookieOf(req)
      const account = sid ? await store.get(`session:${sid}`) : undefined
      return account ? send(res, 200, { account }) : send(res, 401, { error: 'not logged in' })
    }
    // The devkit's Hive node, and "the phone": scanning the QR code's link with the simulated wallet.
    if (req.method === 'POST' && url.pathname === '/rpc') return send(res, 200, chain.handle(JSON.parse(await readBody(req))))
    if (req.method === 'POST' && url.pathname === '/devkit/scan') {
      // It makes the wallet approve: only for this machine's tools (see crossSiteProblem), never for a web page.
      const refused = crossSiteProblem(req)
      if (refused) return send(res, 403, { error: refused })
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
    const failure = failureOf(error)
    if (failure.status === 503) console.error(`${req.method} ${url.pathname}: ${error.message}`)
    if (res.headersSent) res.destroy()
    else send(res, failure.status, { error: failure.error, reason: failure.reason })
  }
})

await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 8080), '127.0.0.1', resolve))
const address = `http://127.0.0.1:${server.address().port}`
origin ??= address
rpcUrl = `${address}/rpc`
console.log(
  `server example on ${address} for ${origin} (devkit relay ${relay.url}; scan a login link with: curl -H '${DEVKIT_HEADER}: 1' -d 'has://auth_req/…' ${address}/devkit/scan)`,
)

const stop = async () => {
  wallet.close()
  await relay.close()
  await redis?.quit()
  rmSync(dist, { recursive: true, force: true })
  server.close()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
