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
  const message = createLoginMessage({ domain, account: 'alice', uri, nonce, statement: 'Log in to Server example.' })
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
