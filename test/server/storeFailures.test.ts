import { createClient } from 'redis'
import { afterAll, describe, expect, it } from 'vitest'
import { createLoginMessage } from '../../src/core/chain/loginMessage'
import { HasStorageError } from '../../src/core/errors/HasStorageError'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { createChain } from '../../src/devkit/chain'
import { signMessage } from '../../src/devkit/keys'
import { createMemoryStore } from '../../src/server/createMemoryStore'
import { createRedisStore } from '../../src/server/createRedisStore'
import type { HasServerStore } from '../../src/server/HasServerStore'
import { issueNonce } from '../../src/server/nonces'
import { verifyLogin } from '../../src/server/verifyLogin'
import { noRedisReason, type RunningRedis, startRedis } from '../support/redisServer'

// What a dApp's server meets in production: a flood of anonymous nonce requests, Redis going away and coming back,
// Redis crashing after a snapshot. Real redis-servers of their own, on 127.0.0.1.

const servers: RunningRedis[] = []
const clients: { destroy(): void }[] = []
afterAll(async () => {
  for (const client of clients) client.destroy()
  for (const server of servers) await server.stop('SIGKILL')
})

async function redisFor(options: Parameters<typeof startRedis>[0] = {}) {
  const server = await startRedis(options)
  servers.push(server)
  // Reconnects quickly and keeps no offline queue, as the deployment checklist says (docs/security.md).
  const client = createClient({ url: server.url, disableOfflineQueue: true, socket: { reconnectStrategy: () => 100 } })
  client.on('error', () => {}) // node-redis emits every failed reconnect: a server must listen, or it crashes
  clients.push(client)
  await client.connect()
  return { server, client, store: createRedisStore(client, { prefix: 'test:', timeoutMs: 500 }) }
}

const chain = createChain({ accounts: ['alice'] })
const alice = createDevkitAccount('alice')
function signedLogin(nonce: string) {
  const message = createLoginMessage({
    domain: 'example.com',
    account: 'alice',
    uri: 'https://example.com/',
    nonce,
    issuedAt: '2026-12-01T10:00:00.000Z',
    expirationTime: '2026-12-01T10:10:00.000Z',
  })
  return { message, signature: signMessage(message, alice.keys.posting!) }
}
const verify = (store: HasServerStore, login: { message: string; signature: string }, time = '2026-12-01T10:01:00.000Z') =>
  verifyLogin({ ...login, store, domain: 'example.com', time: new Date(time), nodes: [chain.url], fetch: chain.fetch, cacheMs: 0 } as Parameters<
    typeof verifyLogin
  >[0])

describe('a flood of issued nonces', () => {
  it('never evicts a session of the memory store', async () => {
    const store = createMemoryStore()
    for (let i = 0; i < 10; i++) await store.add(`session:${i}`, `user${i}`, 3600_000)
    for (let i = 0; i < 100_100; i++) await issueNonce(store)
    const kept = await Promise.all(Array.from({ length: 10 }, (_, i) => store.get(`session:${i}`)))
    expect(kept).toEqual(Array.from({ length: 10 }, (_, i) => `user${i}`))
  })
})

describe('Redis going away', () => {
  it('fails closed with HasStorageError while Redis is down, and works again once it is back', async (ctx) => {
    if (noRedisReason) return ctx.skip(noRedisReason)
    const { server, store } = await redisFor()
    const nonce = await issueNonce(store)
    await server.stop('SIGKILL')
    const started = performance.now()
    const error = await verify(store, signedLogin(nonce)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasStorageError)
    await expect(issueNonce(store)).rejects.toBeInstanceOf(HasStorageError)
    expect(performance.now() - started).toBeLessThan(2000) // bounded: no request hangs on a dead Redis
    await server.restart()
    let fresh: string | undefined
    for (let i = 0; i < 50 && !fresh; i++) fresh = await issueNonce(store).catch(() => new Promise<undefined>((r) => setTimeout(r, 100)))
    expect(fresh).toMatch(/^[A-Za-z0-9]{17}$/)
    expect(await verify(store, signedLogin(fresh!))).toMatchObject({ valid: true })
  })
})

describe('Redis crashing after a snapshot', () => {
  it('RDB only: a used nonce comes back, and the replay is bounded by the message’s own lifetime', async (ctx) => {
    if (noRedisReason) return ctx.skip(noRedisReason)
    const { server, client, store } = await redisFor()
    const nonce = await issueNonce(store)
    await client.sendCommand(['SAVE']) // the snapshot holds the pending nonce
    const login = signedLogin(nonce)
    expect(await verify(store, login)).toMatchObject({ valid: true })
    await server.stop('SIGKILL') // a crash: the use of the nonce was never written to disk
    await server.restart()
    await waitForRedis(store)
    expect(await store.get(`nonce:${nonce}`)).toBe('1') // it came back
    // Past the message's lifetime (10 minutes and the minute of skew) the replay is refused, whatever the store says.
    expect(await verify(store, login, '2026-12-01T10:11:00.000Z')).toMatchObject({ valid: false, code: 'expired' })
  })

  it('with AOF (appendfsync always), as the deployment checklist asks: the replay is refused', async (ctx) => {
    if (noRedisReason) return ctx.skip(noRedisReason)
    const { server, client, store } = await redisFor({ args: ['--appendonly', 'yes', '--appendfsync', 'always'] })
    const nonce = await issueNonce(store)
    await client.sendCommand(['SAVE'])
    const login = signedLogin(nonce)
    expect(await verify(store, login)).toMatchObject({ valid: true })
    await server.stop('SIGKILL')
    await server.restart()
    await waitForRedis(store)
    expect(await verify(store, login)).toMatchObject({ valid: false, code: 'nonce' })
  })
})

async function waitForRedis(store: HasServerStore) {
  for (let i = 0; i < 50; i++) {
    if (
      (await store.get('probe').then(
        () => true,
        () => false,
      )) === true
    )
      return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('Redis did not come back')
}
