import { afterEach, describe, expect, it, vi } from 'vitest'
import { createLoginMessage } from '../../src/core/chain/loginMessage'
import { HasStorageError } from '../../src/core/errors/HasStorageError'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { createChain } from '../../src/devkit/chain'
import { signMessage } from '../../src/devkit/keys'
import { createInFlightLimit, DEFAULT_MAX_IN_FLIGHT } from '../../src/server/inFlightLimit'
import { createMemoryStore } from '../../src/server/createMemoryStore'
import { createRedisStore, type IoRedisClient } from '../../src/server/createRedisStore'
import { issueNonce } from '../../src/server/nonces'
import { verifyLogin } from '../../src/server/verifyLogin'

// The server pieces one by one: the in-flight bound, the memory store's budgets and expiry, and the Redis store's
// command mapping and deadline (a scripted ioredis-shaped client: the real redis-server runs in stores.test.ts).

afterEach(() => vi.useRealTimers())

describe('createInFlightLimit', () => {
  it('runs up to max at once, refuses the next at once, and frees a slot when a task settles (even by throwing)', async () => {
    expect(DEFAULT_MAX_IN_FLIGHT).toBe(64)
    const limit = createInFlightLimit(2)
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const a = limit.tryRun(() => held.then(() => 'a'))
    const b = limit.tryRun(() => Promise.reject(new Error('b failed')))
    await expect(b).rejects.toThrow('b failed')
    const c = limit.tryRun(() => held.then(() => 'c'))
    expect(limit.inFlight).toBe(2)
    await expect(limit.tryRun(async () => 'd')).resolves.toBeUndefined()
    release()
    await expect(Promise.all([a, c])).resolves.toEqual(['a', 'c'])
    expect(limit.inFlight).toBe(0)
    await expect(limit.tryRun(async () => 'e')).resolves.toBe('e')
  })

  it('verifyLogin past the limit answers busy without asking anything', async () => {
    const chain = createChain({ accounts: ['alice'] })
    const store = createMemoryStore()
    const limit = createInFlightLimit(1)
    let release!: () => void
    const slow = ((...args: Parameters<typeof fetch>) => new Promise<void>((r) => (release = r)).then(() => chain.fetch(...args))) as typeof fetch
    const login = (nonce: string) => {
      const message = createLoginMessage({ domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce })
      return { message, signature: signMessage(message, createDevkitAccount('alice').keys.posting!) }
    }
    const check = async (fetch: typeof globalThis.fetch) =>
      verifyLogin({ ...login(await issueNonce(store)), store, limit, domain: 'example.com', nodes: [chain.url], fetch, cacheMs: 0 } as Parameters<
        typeof verifyLogin
      >[0])
    const first = check(slow)
    await vi.waitFor(() => expect(limit.inFlight).toBe(1))
    await expect(check(chain.fetch)).resolves.toMatchObject({ valid: false, code: 'busy' })
    await vi.waitFor(() => expect(release).toBeTypeOf('function'))
    release()
    await expect(first).resolves.toMatchObject({ valid: true })
  })
})

describe('createMemoryStore', () => {
  it('keeps at most maxNonces nonces and maxEntries other keys, each evicting its own oldest', async () => {
    const store = createMemoryStore({ maxNonces: 2, maxEntries: 2 })
    for (const key of ['nonce:a', 'nonce:b', 'nonce:c', 'session:1', 'session:2', 'session:3']) await store.add(key, key, 60_000)
    expect(await Promise.all(['nonce:a', 'nonce:b', 'nonce:c', 'session:1', 'session:2', 'session:3'].map((k) => store.get(k)))).toEqual([
      undefined,
      'nonce:b',
      'nonce:c',
      undefined,
      'session:2',
      'session:3',
    ])
  })

  it('an entry is gone at its expiry, not a millisecond later', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const store = createMemoryStore()
    await store.add('k', 'v', 100)
    vi.advanceTimersByTime(99)
    expect(await store.get('k')).toBe('v')
    vi.advanceTimersByTime(1)
    expect(await store.get('k')).toBeUndefined()
    expect(await store.add('k', 'w', 100)).toBe(true)
    await store.delete('k')
    expect(await store.get('k')).toBeUndefined()
  })

  it('takes the default budgets', async () => {
    const store = createMemoryStore()
    for (let i = 0; i <= 50_000; i++) await store.add(`nonce:${i}`, '1', 60_000)
    expect(await store.get('nonce:0')).toBeUndefined()
    expect(await store.get('nonce:1')).toBe('1')
  })
})

describe('createRedisStore with an ioredis client', () => {
  function ioredis(behaviour: 'ok' | 'hang' | 'fail' = 'ok') {
    const data = new Map<string, string>()
    const calls: unknown[][] = []
    const answer = <T>(value: T): Promise<T> =>
      behaviour === 'hang'
        ? new Promise<T>(() => {})
        : behaviour === 'fail'
          ? Promise.reject(new Error('READONLY You can’t write against a read only replica.'))
          : Promise.resolve(value)
    const client: IoRedisClient = {
      set: (key, value, mode, ms, nx) => {
        calls.push(['set', key, value, mode, ms, nx])
        if (data.has(key)) return answer(null)
        data.set(key, value)
        return answer('OK')
      },
      getdel: (key) => {
        calls.push(['getdel', key])
        const value = data.get(key) ?? null
        data.delete(key)
        return answer(value)
      },
      get: (key) => answer(data.get(key) ?? null),
      del: (key) => answer(data.delete(key) ? 1 : 0),
    }
    return { client, calls }
  }

  it('speaks SET PX NX and GETDEL under its prefix', async () => {
    const { client, calls } = ioredis()
    const store = createRedisStore(client, { prefix: 'p:' })
    expect(await store.add('k', 'v', 1500.2)).toBe(true)
    expect(await store.add('k', 'w', 1500)).toBe(false)
    expect(await store.get('k')).toBe('v')
    expect(await store.take('k')).toBe('v')
    expect(await store.take('k')).toBeUndefined()
    await store.delete('k')
    expect(calls[0]).toEqual(['set', 'p:k', 'v', 'PX', 1501, 'NX'])
    expect(calls).toContainEqual(['getdel', 'p:k'])
  })

  it('a command that never answers is HasStorageError after timeoutMs; one that fails says why', async () => {
    vi.useFakeTimers()
    const hung = createRedisStore(ioredis('hang').client, { timeoutMs: 500 })
    const outcome = hung.take('k').catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(499)
    let settled = false
    void outcome.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(await outcome).toMatchObject({ name: 'HasStorageError', details: 'no answer in 500 ms' })
    vi.useRealTimers()
    const failing = createRedisStore(ioredis('fail').client)
    const error = await failing.add('k', 'v', 100).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasStorageError)
    expect(error).toMatchObject({
      shortMessage: "The server's Redis store failed to store a value.",
      details: 'READONLY You can’t write against a read only replica.',
    })
    expect((error as HasStorageError).cause).toBeInstanceOf(Error)
  })

  it('refuses a client with neither getDel nor getdel', () => {
    expect(() => createRedisStore({ getdel: 'no' } as never)).toThrow(/node-redis or ioredis/)
    expect(() => createRedisStore({ getDel: 1 } as never)).toThrow(/node-redis or ioredis/)
  })
})
