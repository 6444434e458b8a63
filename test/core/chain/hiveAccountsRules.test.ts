import { afterEach, describe, expect, it, vi } from 'vitest'
import { askNodes, DEFAULT_CHECK_TIMEOUT_MS } from '../../../src/core/chain/askNodes'
import { getHiveAccount } from '../../../src/core/chain/hiveAccounts'
import type { RpcAnswer } from '../../../src/core/chain/rpc'
import { HasConnectionError } from '../../../src/core/errors/HasConnectionError'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'

// What the kit believes of an account a node returns (condenser_api.get_accounts), and the cache in front of it: every
// sanity rule, pinned with a scripted node (one node is trusted as it is, so its junk must count as no answer).

afterEach(() => vi.useRealTimers())

const authority = (key = 'STM6LLegbAgLAy28EHrffBVuANFWcFgmqRMW13wBmTExqFE9SCkg4') => ({
  weight_threshold: 1,
  account_auths: [] as unknown[],
  key_auths: [[key, 1]] as unknown[],
})
const account = () => ({
  name: 'alice',
  owner: authority(),
  active: authority(),
  posting: authority(),
  memo_key: 'STM6LLegbAgLAy28EHrffBVuANFWcFgmqRMW13wBmTExqFE9SCkg4',
})

/** One node answering `result` (or an RPC error), counting its calls. */
function node(result: unknown) {
  let calls = 0
  const fetch = (async () => {
    calls++
    return new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, ...(result instanceof Error ? { error: { message: result.message } } : { result }) }))
  }) as unknown as typeof globalThis.fetch
  return { fetch, calls: () => calls }
}
const lookup = (result: unknown, cacheMs = 0) =>
  getHiveAccount('alice', { nodes: [`https://node-${Math.random()}.example`], fetch: node(result).fetch, cacheMs })

describe('an answer is an account only when every field is sane', () => {
  const junk: [string, () => unknown][] = [
    ['a result that is not a list', () => ({})],
    ['two accounts', () => [account(), account()]],
    ['another account', () => [{ ...account(), name: 'bob' }]],
    ['no name', () => [{ ...account(), name: undefined }]],
    ['no memo key', () => [{ ...account(), memo_key: 7 }]],
    ['no owner authority', () => [{ ...account(), owner: undefined }]],
    ['an active authority that is not an object', () => [{ ...account(), active: 'x' }]],
    ['a threshold of 0', () => [{ ...account(), posting: { ...authority(), weight_threshold: 0 } }]],
    ['a threshold of 1.5', () => [{ ...account(), posting: { ...authority(), weight_threshold: 1.5 } }]],
    ['a threshold above 2^32 − 1', () => [{ ...account(), posting: { ...authority(), weight_threshold: 2 ** 32 } }]],
    ['key_auths that are not a list', () => [{ ...account(), posting: { ...authority(), key_auths: {} } }]],
    ['41 keys', () => [{ ...account(), posting: { ...authority(), key_auths: Array.from({ length: 41 }, () => ['STM1', 1]) } }]],
    ['a pair that is not a list', () => [{ ...account(), posting: { ...authority(), key_auths: ['STM1'] } }]],
    ['a pair of three', () => [{ ...account(), posting: { ...authority(), key_auths: [['STM1', 1, 2]] } }]],
    ['a key that is not a string', () => [{ ...account(), posting: { ...authority(), key_auths: [[1, 1]] } }]],
    ['a weight of 1.5', () => [{ ...account(), posting: { ...authority(), key_auths: [['STM1', 1.5]] } }]],
    ['a weight of −1', () => [{ ...account(), posting: { ...authority(), key_auths: [['STM1', -1]] } }]],
    ['a weight above 65535', () => [{ ...account(), posting: { ...authority(), key_auths: [['STM1', 65536]] } }]],
    ['account_auths that are not a list', () => [{ ...account(), posting: { ...authority(), account_auths: 'bob' } }]],
  ]
  it.each(junk)('%s is junk: no answer', async (_, result) => {
    await expect(lookup(result())).rejects.toBeInstanceOf(HasConnectionError)
  })

  it('an RPC error is no answer either', async () => {
    await expect(lookup(new Error('Internal Error'))).rejects.toBeInstanceOf(HasConnectionError)
  })

  it('an empty list is an account that does not exist', async () => {
    await expect(lookup([])).resolves.toEqual({ account: null })
  })

  it('takes the edges: a threshold of 2^32 − 1, 40 keys, a weight of 65535 and one of 0', async () => {
    const keys = Array.from({ length: 40 }, (_, i) => [`STM${i}`, i === 0 ? 0 : 65535])
    const result = await lookup([{ ...account(), posting: { weight_threshold: 2 ** 32 - 1, account_auths: [['bob', 1]], key_auths: keys } }])
    expect(result).toMatchObject({ account: { name: 'alice', posting: { weight_threshold: 2 ** 32 - 1, account_auths: [['bob', 1]] } } })
    expect((result as { account: { posting: { key_auths: unknown[] } } }).account.posting.key_auths).toHaveLength(40)
  })
})

describe('the account cache', () => {
  it('answers from the cache for cacheMs, then asks again; cacheMs 0 never caches', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const scripted = node([account()])
    const options = { nodes: ['https://cache-test.example'], fetch: scripted.fetch, cacheMs: 1000 }
    await getHiveAccount('alice', options)
    vi.advanceTimersByTime(999)
    await getHiveAccount('alice', options)
    expect(scripted.calls()).toBe(1)
    vi.advanceTimersByTime(1)
    await getHiveAccount('alice', options)
    expect(scripted.calls()).toBe(2)
    const uncached = node([account()])
    await getHiveAccount('alice', { ...options, fetch: uncached.fetch, cacheMs: 0 })
    await getHiveAccount('alice', { ...options, fetch: uncached.fetch, cacheMs: 0 })
    expect(uncached.calls()).toBe(2)
  })

  it('never keeps a failure or a disagreement', async () => {
    const failing = node(new Error('down'))
    const options = { nodes: ['https://fail-cache.example'], fetch: failing.fetch, cacheMs: 60_000 }
    await expect(getHiveAccount('alice', options)).rejects.toBeInstanceOf(HasConnectionError)
    await expect(getHiveAccount('alice', options)).rejects.toBeInstanceOf(HasConnectionError)
    expect(failing.calls()).toBe(2)
    let flip = 0
    const disagreeing = (async () =>
      new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: [{ ...account(), memo_key: `STM${flip++}` }] }))) as unknown as typeof fetch
    const twoNodes = { nodes: ['https://a.example', 'https://b.example'], fetch: disagreeing, cacheMs: 60_000, timeoutMs: 200 }
    await expect(getHiveAccount('alice', twoNodes)).resolves.toHaveProperty('disagreed')
    const before = flip
    await getHiveAccount('alice', twoNodes)
    expect(flip).toBeGreaterThan(before)
  })

  it('keeps at most 256 accounts, the oldest going first', async () => {
    const scripted = node([account()])
    const nodes = ['https://lru.example']
    for (let i = 0; i < 257; i++)
      await getHiveAccount('alice', { nodes: [`${nodes[0]}/${i}`], fetch: scripted.fetch, cacheMs: 60_000 }).catch(() => {})
    const calls = scripted.calls()
    await getHiveAccount('alice', { nodes: [`${nodes[0]}/256`], fetch: scripted.fetch, cacheMs: 60_000 })
    expect(scripted.calls()).toBe(calls) // the newest is kept
    await getHiveAccount('alice', { nodes: [`${nodes[0]}/0`], fetch: scripted.fetch, cacheMs: 60_000 })
    expect(scripted.calls()).toBe(calls + 1) // the oldest was evicted
  })
})

describe('askNodes, what it says', () => {
  const read = (answer: RpcAnswer) => ('result' in answer ? answer.result : undefined)
  it('refuses no nodes at all', async () => {
    await expect(askNodes('m', [], { nodes: [] }, read)).rejects.toBeInstanceOf(HasInvalidArgumentError)
  })

  it('says which nodes failed and how, and why it gave up', async () => {
    const down = (async () => {
      throw new Error('connection refused')
    }) as unknown as typeof fetch
    const error = (await askNodes('m', [], { nodes: ['https://a.example', 'https://b.example'], fetch: down }, read).catch(
      (e: unknown) => e,
    )) as HasConnectionError
    expect(error.shortMessage).toBe('Not enough Hive API nodes answered.')
    expect(error.details).toBe('no node answered; https://a.example: connection refused; https://b.example: connection refused')
  })

  it('one answer among hung nodes is too few at the deadline, said so', async () => {
    vi.useFakeTimers()
    let first = true
    const fetch = ((_url: string, init: RequestInit) => {
      if (first) {
        first = false
        return Promise.resolve(new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: 1 })))
      }
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
    }) as unknown as typeof globalThis.fetch
    const outcome = askNodes('m', [], { nodes: ['https://a.example', 'https://b.example', 'https://c.example'], fetch }, read).catch(
      (e: unknown) => e,
    )
    await vi.advanceTimersByTimeAsync(DEFAULT_CHECK_TIMEOUT_MS)
    const error = (await outcome) as HasConnectionError
    expect(error.shortMessage).toBe('The Hive API nodes did not answer in time.')
    expect(error.details).toMatch(/^only 1 of 3 nodes answered; 2 must agree/)
  })

  it('after one answer it keeps one spare in flight, no more (the rest wait for the hedge)', async () => {
    vi.useFakeTimers()
    const asked: string[] = []
    const fetch = ((url: string, init: RequestInit) => {
      asked.push(url)
      if (url.endsWith('a.example')) return Promise.resolve(new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: 1 })))
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
    }) as unknown as typeof globalThis.fetch
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((n) => `https://${n}.example`)
    const outcome = askNodes('m', [], { nodes, fetch }, read).catch(() => {})
    await vi.advanceTimersByTimeAsync(10)
    expect(asked).toEqual(nodes.slice(0, 3))
    await vi.advanceTimersByTimeAsync(DEFAULT_CHECK_TIMEOUT_MS)
    await outcome
  })

  it('an abort names what had failed so far', async () => {
    const controller = new AbortController()
    const fetch = ((_: string, init: RequestInit) =>
      new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))) as unknown as typeof globalThis.fetch
    const outcome = askNodes('m', [], { nodes: ['https://a.example'], fetch, signal: controller.signal }, read).catch((e: unknown) => e)
    controller.abort()
    expect(await outcome).toMatchObject({ shortMessage: 'The check was aborted.' })
  })
})
