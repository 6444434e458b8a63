import { type ChildProcess, spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLoginMessage } from '../../src/core/chain/loginMessage'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { signMessage } from '../../src/devkit/keys'
import { noRedisReason, startRedis } from '../support/redisServer'

// examples/server-verify as a deployment runs it, over HTTP on 127.0.0.1: the domain comes from ORIGIN, never from the
// request; with REDIS_URL, two instances behind one origin share nonces and sessions, and a replay fails on both.

const running: ChildProcess[] = []
let redis: Awaited<ReturnType<typeof startRedis>> | undefined
afterAll(async () => {
  for (const child of running) child.kill('SIGTERM')
  await redis?.stop()
})

async function instance(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, ['examples/server-verify/server.mjs'], { env: { ...process.env, PORT: '0', ...env } })
  running.push(child)
  let output = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (output += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d))
  const start = Date.now()
  while (!/server example on (http:\/\/127\.0\.0\.1:\d+)/.test(output)) {
    if (Date.now() - start > 60_000 || child.exitCode !== null) throw new Error(`the example did not start:\n${output}`)
    await new Promise((r) => setTimeout(r, 50))
  }
  return /server example on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1]!
}

const alice = createDevkitAccount('alice')
/** What the page and the wallet do: fetch a nonce, write the message for `domain`, sign it with alice's key. */
async function signedLogin(server: string, domain: string, uri: string) {
  const nonce = await (await fetch(`${server}/nonce`)).text()
  const scheme = uri.startsWith('http:') ? 'http' : undefined // what the kit's page writes on a page served over http
  const message = createLoginMessage({ scheme, domain, account: 'alice', uri, nonce, statement: 'Log in to Server example.' })
  return { message, signature: signMessage(message, alice.keys.posting!) }
}
const post = (server: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server}/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })

describe('one instance (nonces and sessions in memory)', () => {
  let server = ''
  beforeAll(async () => {
    server = await instance({})
  }, 90_000)

  it('a message signed for another domain is refused even when the request says Host: that domain', async () => {
    const forged = await signedLogin(server, 'evil.example', 'https://evil.example/')
    const response = await post(server, forged, { host: 'evil.example' })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: 'domain' })
    expect(response.headers.get('set-cookie')).toBeNull()
  })

  it('a message for this origin logs in once; the same message again is refused', async () => {
    const { host, origin } = new URL(server)
    const login = await signedLogin(server, host, `${origin}/`)
    const first = await post(server, login)
    expect(first.status).toBe(200)
    expect(first.headers.get('set-cookie')).toMatch(/^sid=[\w-]+; HttpOnly; SameSite=Strict; Path=\/$/)
    const again = await post(server, login)
    expect(again.status).toBe(401)
    expect(await again.json()).toMatchObject({ error: 'nonce' })
  })
})

describe('what a copied example must survive', () => {
  let server = ''
  beforeAll(async () => {
    server = await instance({})
  }, 90_000)

  it('a login that is not JSON, or comes from another site, is refused before anything is checked', async () => {
    const { host, origin } = new URL(server)
    const login = await signedLogin(server, host, `${origin}/`)
    const asForm = await fetch(`${server}/login`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(login) })
    expect(asForm.status).toBe(415)
    expect((await post(server, login, { origin: 'https://evil.example' })).status).toBe(403)
    expect((await post(server, login, { 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await post(server, login)).status).toBe(200) // the nonce was not spent by the refusals
  })

  it('one client gets at most 30 nonces a minute', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 40; i++) statuses.push((await fetch(`${server}/nonce`)).status)
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(30)
    expect(statuses.at(-1)).toBe(429)
  })
})

describe('Redis failing under a running example', () => {
  it('Redis stopping gives 503s, never a crash, and the example serves again once Redis is back', async (ctx) => {
    if (noRedisReason) return ctx.skip(noRedisReason)
    const own = await startRedis()
    try {
      const server = await instance({ REDIS_URL: own.url })
      expect((await fetch(`${server}/nonce`)).status).toBe(200)
      await own.stop('SIGKILL')
      expect((await fetch(`${server}/nonce`)).status).toBe(503)
      const { host, origin } = new URL(server)
      const login = {
        message: createLoginMessage({ scheme: 'http', domain: host, account: 'alice', uri: `${origin}/`, nonce: 'Whatever12345' }),
        signature: '00',
      }
      expect((await post(server, login)).status).toBe(503)
      expect((await fetch(`${server}/me`, { headers: { cookie: 'sid=abc' } })).status).toBe(503)
      await own.restart()
      await expect.poll(async () => (await fetch(`${server}/nonce`)).status, { timeout: 10_000, interval: 200 }).toBe(200)
      expect(running.at(-1)!.exitCode).toBeNull()
    } finally {
      await own.stop('SIGKILL')
    }
  })

  it('started while Redis is down, it waits, then serves once Redis is up', async (ctx) => {
    if (noRedisReason) return ctx.skip(noRedisReason)
    const probe = await startRedis()
    const { port } = probe
    await probe.stop('SIGKILL') // a port where no Redis runs yet
    const starting = instance({ REDIS_URL: `redis://127.0.0.1:${port}` })
    await new Promise((r) => setTimeout(r, 1500))
    const late = await startRedis({ port })
    try {
      const server = await starting
      expect((await fetch(`${server}/nonce`)).status).toBe(200)
    } finally {
      await late.stop('SIGKILL')
    }
  })
})

describe('two instances behind one origin, sharing a real Redis', () => {
  let a = ''
  let b = ''
  beforeAll(async () => {
    if (noRedisReason) return
    redis = await startRedis()
    a = await instance({ REDIS_URL: redis.url })
    b = await instance({ REDIS_URL: redis.url, ORIGIN: a }) // both answer for A's origin
  }, 120_000)

  it('a nonce issued by one is honoured by the other, the session is seen by both, and a replay fails on both', async (ctx) => {
    if (noRedisReason) return ctx.skip(noRedisReason)
    const { host, origin } = new URL(a)
    const login = await signedLogin(a, host, `${origin}/`)
    const response = await post(b, login)
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie')!.split(';')[0]!
    for (const server of [a, b]) {
      await expect((await fetch(`${server}/me`, { headers: { cookie } })).json()).resolves.toEqual({ account: 'alice' })
    }
    for (const server of [a, b]) expect((await post(server, login)).status).toBe(401)
    await fetch(`${a}/logout`, { method: 'POST', headers: { cookie } })
    expect((await fetch(`${b}/me`, { headers: { cookie } })).status).toBe(401)
  })
})
