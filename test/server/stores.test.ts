import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { createMemoryStore } from '../../src/server/createMemoryStore'
import { createRedisStore } from '../../src/server/createRedisStore'
import type { HasServerStore } from '../../src/server/HasServerStore'
import { consumeNonce, issueNonce } from '../../src/server/nonces'
import { noRedisReason, startRedis } from '../support/redisServer'

// The stores a dApp's servers share: in memory (one process) and on a real redis-server started for this file.

let redis: Awaited<ReturnType<typeof startRedis>> | undefined
const clients: { quit(): Promise<unknown>; get(key: string): Promise<string | null> }[] = []

beforeAll(async () => {
  if (!noRedisReason) redis = await startRedis()
}, 20_000)
afterAll(async () => {
  for (const client of clients) await client.quit()
  await redis?.stop()
})

async function redisStore(prefix?: string): Promise<HasServerStore> {
  const client = createClient({ url: redis!.url })
  clients.push(client)
  await client.connect()
  return createRedisStore(client, { prefix })
}

const kinds: [string, () => Promise<HasServerStore>][] = [
  ['memory', async () => createMemoryStore()],
  ['redis', () => redisStore(`test-${Math.random()}:`)],
]

describe.each(kinds)('the %s store', (kind, make) => {
  it('add is set-if-absent, take is get-and-delete: a nonce is used once', async (ctx) => {
    if (kind === 'redis' && noRedisReason) return ctx.skip(noRedisReason)
    const store = await make()
    expect(await store.add('k', 'v', 60_000)).toBe(true)
    expect(await store.add('k', 'other', 60_000)).toBe(false)
    expect(await store.get('k')).toBe('v')
    expect(await store.take('k')).toBe('v')
    expect(await store.take('k')).toBeUndefined()
    const nonce = await issueNonce(store)
    const takes = await Promise.all(Array.from({ length: 10 }, () => consumeNonce(store, nonce)))
    expect(takes.filter(Boolean)).toHaveLength(1)
    expect(await consumeNonce(store, 'NeverIssued1')).toBe(false)
  })

  it('entries expire', async (ctx) => {
    if (kind === 'redis' && noRedisReason) return ctx.skip(noRedisReason)
    const store = await make()
    if (kind === 'memory') vi.useFakeTimers({ toFake: ['Date'] })
    try {
      await store.add('short', 'v', 50)
      if (kind === 'memory') vi.advanceTimersByTime(60)
      else await new Promise((r) => setTimeout(r, 120)) // Redis keeps its own clock: a real (bounded) wait
      expect(await store.take('short')).toBeUndefined()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('the Redis store', () => {
  it('keeps its keys under its prefix, and two stores on one Redis see each other', async (ctx) => {
    if (noRedisReason) return ctx.skip(noRedisReason)
    const a = await redisStore('app:')
    const b = await redisStore('app:')
    const raw = clients.at(-1)!
    await a.add('nonce:x', '1', 60_000)
    expect(await raw.get('app:nonce:x')).toBe('1')
    expect(await b.take('nonce:x')).toBe('1')
    expect(await a.take('nonce:x')).toBeUndefined()
  })

  it('refuses what is not a Redis client', () => {
    expect(() => createRedisStore({} as never)).toThrow(/node-redis or ioredis/)
  })
})
