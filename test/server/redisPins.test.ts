import { createClient } from 'redis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { HasStorageError } from '../../src/core/errors/HasStorageError'
import { createRedisStore, type IoRedisClient } from '../../src/server/createRedisStore'
import { noRedisReason, startRedis } from '../support/redisServer'

// The Redis store's commands through both client shapes on a real redis-server, and what each failure says (a client
// that fails on purpose for those), pinned where `npm run mutation` found them loose.

let redis: Awaited<ReturnType<typeof startRedis>> | undefined
let client: ReturnType<typeof createClient> | undefined
beforeAll(async () => {
  if (noRedisReason) return
  redis = await startRedis()
  client = createClient({ url: redis.url })
  await client.connect()
}, 20_000)
afterAll(async () => {
  await client?.quit()
  await redis?.stop()
})

/** ioredis's command shapes over the real server (ioredis itself is not a dependency of the kit). */
const ioredisShaped = (real: NonNullable<typeof client>): IoRedisClient =>
  ({
    set: (key: string, value: string, _px: 'PX', ttl: number, _nx: 'NX') => real.set(key, value, { PX: ttl, NX: true }),
    getdel: (key: string) => real.getDel(key),
    get: (key: string) => real.get(key),
    del: (key: string) => real.del(key),
  }) as unknown as IoRedisClient

describe.each([
  ['node-redis', () => client!],
  ['ioredis', () => ioredisShaped(client!)],
] as const)('the Redis store through %s', (_, shape) => {
  it('deletes, and keeps its keys under hive-auth-react: by default', async (ctx) => {
    if (noRedisReason) return ctx.skip(noRedisReason)
    const store = createRedisStore(shape())
    const key = `k-${Math.random()}`
    await store.add(key, 'v', 60_000)
    expect(await client!.get(`hive-auth-react:${key}`)).toBe('v')
    await store.delete(key)
    expect(await store.get(key)).toBeUndefined()
    expect(await client!.get(`hive-auth-react:${key}`)).toBeNull()
  })
})

describe('what a failing Redis store says', () => {
  const failing = (message: string) => {
    const fail = async () => {
      throw new Error(message)
    }
    return { set: fail, getDel: fail, get: fail, del: fail } as never
  }
  const errorOf = (run: Promise<unknown>) =>
    run.then(
      () => undefined,
      (e: unknown) => e as HasStorageError,
    )

  it('names the operation, and quotes at most 200 characters of the cause', async () => {
    const store = createRedisStore(failing('y'.repeat(300)))
    expect(await errorOf(store.add('k', 'v', 1000))).toMatchObject({
      shortMessage: "The server's Redis store failed to store a value.",
      details: 'y'.repeat(200),
    })
    expect(await errorOf(store.take('k'))).toMatchObject({ shortMessage: "The server's Redis store failed to take a value." })
    expect(await errorOf(store.get('k'))).toMatchObject({ shortMessage: "The server's Redis store failed to read a value." })
    expect(await errorOf(store.delete('k'))).toMatchObject({ shortMessage: "The server's Redis store failed to delete a value." })
  })

  it('a command that answered leaves no timer behind', async () => {
    vi.useFakeTimers()
    try {
      const quick = async () => 'OK'
      const store = createRedisStore({ set: quick, getDel: quick, get: quick, del: quick } as never, { timeoutMs: 50 })
      await store.add('k', 'v', 1000)
      expect(vi.getTimerCount()).toBe(0)
    } finally {
      vi.useRealTimers()
    }
  })
})
