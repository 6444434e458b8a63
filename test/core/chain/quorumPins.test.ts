import { afterEach, describe, expect, it, vi } from 'vitest'
import { askNodes } from '../../../src/core/chain/askNodes'
import { getHiveAccount } from '../../../src/core/chain/hiveAccounts'
import { callNode, type RpcAnswer } from '../../../src/core/chain/rpc'
import type { HasConnectionError } from '../../../src/core/errors/HasConnectionError'

// The node quorum, the account cache and the capped read, pinned where `npm run mutation` found them loose: each test
// fails when the rule it names is dropped.

afterEach(() => vi.useRealTimers())

const read = (answer: RpcAnswer) => ('result' in answer ? answer.result : undefined)
const answer = (result: unknown) => new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result }))
/** A fetch that never answers until the request is aborted. */
const hang = (init: RequestInit) => new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
const nodes = (...names: string[]) => names.map((n) => `https://${n}.example`)

describe('askNodes', () => {
  it('says why it refuses no node at all', async () => {
    await expect(askNodes('m', [], { nodes: [] }, read)).rejects.toThrow('At least one Hive API node is needed.')
  })

  it('asks nobody more once two nodes agree', async () => {
    const asked: string[] = []
    const fetch = ((url: string, init: RequestInit) => {
      asked.push(url)
      return url.includes('/c.') ? hang(init) : Promise.resolve(answer(1))
    }) as unknown as typeof globalThis.fetch
    await expect(askNodes('m', [], { nodes: nodes('a', 'b', 'c', 'd'), fetch }, read)).resolves.toEqual({ agreed: 1 })
    await new Promise((resolve) => setTimeout(resolve, 20)) // c's abort settles; nothing may follow it
    expect(asked).toEqual(nodes('a', 'b', 'c'))
  })

  it('a failed node brings the next one in at once, not at the hedge', async () => {
    vi.useFakeTimers()
    const fetch = ((url: string, init: RequestInit) => {
      if (url.includes('/b.')) return Promise.reject(new Error('down'))
      return url.includes('/c.') ? hang(init) : Promise.resolve(answer(7))
    }) as unknown as typeof globalThis.fetch
    let outcome: unknown
    void askNodes('m', [], { nodes: nodes('a', 'b', 'c', 'd'), fetch }, read).then((q) => (outcome = q))
    await vi.advanceTimersByTimeAsync(10)
    expect(outcome).toEqual({ agreed: 7 })
  })

  it('leaves no listener on the caller’s signal', async () => {
    const controller = new AbortController()
    const added = vi.spyOn(controller.signal, 'addEventListener')
    const removed = vi.spyOn(controller.signal, 'removeEventListener')
    const fetch = (async () => answer(1)) as unknown as typeof globalThis.fetch
    await askNodes('m', [], { nodes: nodes('a', 'b'), fetch, signal: controller.signal }, read)
    expect(removed).toHaveBeenCalledWith('abort', added.mock.calls[0]![1])
  })

  it('an abort says what had failed so far, and nothing when nothing had', async () => {
    const fetchFor = (failing: boolean) =>
      ((url: string, init: RequestInit) =>
        failing && url.includes('/a.') ? Promise.reject(new Error('connection refused')) : hang(init)) as unknown as typeof globalThis.fetch
    for (const failing of [false, true]) {
      const controller = new AbortController()
      const outcome = askNodes('m', [], { nodes: nodes('a', 'b'), fetch: fetchFor(failing), signal: controller.signal }, read).catch(
        (e: unknown) => e,
      )
      await new Promise((resolve) => setTimeout(resolve, 5))
      controller.abort()
      const error = (await outcome) as HasConnectionError
      expect(error.shortMessage).toBe('The check was aborted.')
      expect(error.details ?? '').toBe(failing ? 'https://a.example: connection refused' : '')
    }
  })

  it('quotes a node’s error in at most 80 characters, and names a rejection that is not an Error', async () => {
    const fetch = ((url: string) =>
      url.includes('/a.') ? Promise.reject(new Error('x'.repeat(200))) : Promise.reject('a string')) as unknown as typeof globalThis.fetch
    const error = (await askNodes('m', [], { nodes: nodes('a', 'b'), fetch }, read).catch((e: unknown) => e)) as HasConnectionError
    expect(error.details).toBe(`no node answered; https://a.example: ${'x'.repeat(80)}; https://b.example: failed`)
  })
})

describe('the account cache', () => {
  const account = (name: string) => {
    const authority = { weight_threshold: 1, account_auths: [], key_auths: [['STM6LLegbAgLAy28EHrffBVuANFWcFgmqRMW13wBmTExqFE9SCkg4', 1]] }
    return { name, owner: authority, active: authority, posting: authority, memo_key: 'STM6LLegbAgLAy28EHrffBVuANFWcFgmqRMW13wBmTExqFE9SCkg4' }
  }
  /** A node answering with the account asked for, counting the calls per account. */
  function countingNode() {
    const calls = new Map<string, number>()
    const fetch = (async (_url: string, init: RequestInit) => {
      const name = (JSON.parse(init.body as string) as { params: string[][] }).params[0]![0]!
      calls.set(name, (calls.get(name) ?? 0) + 1)
      return answer([account(name)])
    }) as unknown as typeof globalThis.fetch
    return { fetch, calls: (name: string) => calls.get(name) ?? 0 }
  }

  it('keeps the 256 newest accounts, not only the last', async () => {
    const node = countingNode()
    const options = { nodes: ['https://keep.example'], fetch: node.fetch, cacheMs: 60_000 }
    for (let i = 0; i < 257; i++) await getHiveAccount(`user${i}`, options)
    await getHiveAccount('user1', options)
    await getHiveAccount('user200', options)
    expect([node.calls('user1'), node.calls('user200')]).toEqual([1, 1])
    await getHiveAccount('user0', options)
    expect(node.calls('user0')).toBe(2)
  })

  it('uncached lookups (cacheMs 0) take no room from cached ones', async () => {
    const node = countingNode()
    await getHiveAccount('kept', { nodes: ['https://room.example'], fetch: node.fetch, cacheMs: 60_000 })
    for (let i = 0; i < 260; i++) await getHiveAccount(`passing${i}`, { nodes: ['https://room.example'], fetch: node.fetch, cacheMs: 0 })
    await getHiveAccount('kept', { nodes: ['https://room.example'], fetch: node.fetch, cacheMs: 60_000 })
    expect(node.calls('kept')).toBe(1)
  })

  it('the default nodes have their own entries', async () => {
    const node = countingNode()
    await getHiveAccount('alice', { fetch: node.fetch, cacheMs: 60_000 })
    await getHiveAccount('alice', { fetch: node.fetch, cacheMs: 60_000 })
    expect(node.calls('alice')).toBe(3) // three of the default nodes at once (two to agree, one spare), then the cache
  })

  it('node lists are told apart however their URLs run together', async () => {
    const node = countingNode()
    await getHiveAccount('alice', { nodes: ['https://a.example', 'https://b.example'], fetch: node.fetch, cacheMs: 60_000 })
    await getHiveAccount('alice', { nodes: ['https://a.examplehttps://b.example'], fetch: node.fetch, cacheMs: 60_000 })
    expect(node.calls('alice')).toBe(3)
  })

  /** A node whose answers the test sets at each step: hang (until `release`), fail, or answer. */
  function steppedNode() {
    let mode: 'hang' | 'fail' | 'ok' | 'other' = 'hang'
    let calls = 0
    const held: ((response: Response | Error) => void)[] = []
    const fetch = (() => {
      calls++
      if (mode === 'fail') return Promise.reject(new Error('down'))
      if (mode === 'hang') return new Promise<Response>((resolve, reject) => held.push((r) => (r instanceof Error ? reject(r) : resolve(r))))
      return Promise.resolve(answer([{ ...account('alice'), ...(mode === 'other' ? { memo_key: 'STM8other' } : {}) }]))
    }) as unknown as typeof globalThis.fetch
    return {
      fetch,
      calls: () => calls,
      set: (next: typeof mode) => void (mode = next),
      release: (make: (i: number) => Response | Error) => {
        for (const [i, settle] of held.splice(0).entries()) settle(make(i))
      },
    }
  }

  it('an older lookup that fails never drops the newer one that replaced it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const node = steppedNode()
    const options = { nodes: ['https://race.example'], fetch: node.fetch, cacheMs: 1000 }
    const first = getHiveAccount('alice', options).catch(() => undefined)
    vi.advanceTimersByTime(1001) // the first entry is stale: the next lookup replaces it
    node.set('ok')
    await getHiveAccount('alice', options)
    node.set('fail')
    node.release(() => new Error('down'))
    await first
    node.set('ok')
    const before = node.calls()
    await getHiveAccount('alice', options)
    expect(node.calls()).toBe(before) // answered by the second lookup's entry
  })

  it('an older lookup that ends in a disagreement never drops the newer one either', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const node = steppedNode()
    const options = { nodes: ['https://x.example', 'https://y.example'], fetch: node.fetch, cacheMs: 1000, timeoutMs: 200 }
    const first = getHiveAccount('alice', options)
    vi.advanceTimersByTime(1001)
    node.set('ok')
    await getHiveAccount('alice', options)
    node.release((i) => (i === 0 ? answer([account('alice')]) : answer([{ ...account('alice'), memo_key: 'STM8other' }])))
    await expect(first).resolves.toHaveProperty('disagreed')
    const before = node.calls()
    await getHiveAccount('alice', options)
    expect(node.calls()).toBe(before)
  })

  it('a lookup whose entry was pushed out meanwhile fails quietly', async () => {
    const slow = steppedNode()
    const fast = countingNode()
    // One fetch (one cache): the slow node's lookup waits while 256 others fill the cache past it.
    const fetch = ((url: string, init: RequestInit) =>
      url.includes('slow') ? slow.fetch(url, init) : fast.fetch(url, init)) as typeof globalThis.fetch
    const first = getHiveAccount('alice', { nodes: ['https://slow.example'], fetch, cacheMs: 60_000 }).catch((e: unknown) => e)
    for (let i = 0; i < 256; i++) await getHiveAccount(`user${i}`, { nodes: ['https://fast.example'], fetch, cacheMs: 60_000 })
    slow.set('fail')
    slow.release(() => new Error('down'))
    expect(await first).toMatchObject({ code: 'connection' })
    await new Promise((resolve) => setTimeout(resolve, 5)) // an unhandled error in the cache's clean-up would surface here
  })

  it('a lookup whose entry was pushed out meanwhile ends in a disagreement quietly', async () => {
    const slow = steppedNode()
    const fast = countingNode()
    const fetch = ((url: string, init: RequestInit) =>
      url.includes('slow') ? slow.fetch(url, init) : fast.fetch(url, init)) as typeof globalThis.fetch
    const first = getHiveAccount('alice', { nodes: ['https://slow-a.example', 'https://slow-b.example'], fetch, cacheMs: 60_000, timeoutMs: 500 })
    for (let i = 0; i < 256; i++) await getHiveAccount(`user${i}`, { nodes: ['https://fast.example'], fetch, cacheMs: 60_000 })
    slow.release((i) => (i === 0 ? answer([account('alice')]) : answer([{ ...account('alice'), memo_key: 'STM8other' }])))
    await expect(first).resolves.toHaveProperty('disagreed')
    await new Promise((resolve) => setTimeout(resolve, 5))
  })
})

describe('callNode’s capped read', () => {
  const stream = (chunks: string[], hangAfter = false) => {
    const cancelled = vi.fn()
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
        if (!hangAfter) controller.close()
      },
      cancel: cancelled,
    })
    return { response: new Response(body), cancelled }
  }

  it('assembles a body that arrives in several chunks, in order', async () => {
    const text = JSON.stringify({ result: 'é'.repeat(50) + 'x'.repeat(100) })
    const { response } = stream([text.slice(0, 10), text.slice(10, 70), text.slice(70)])
    await expect(callNode('https://n.example', 'm', [], async () => response, new AbortController().signal)).resolves.toEqual({
      result: 'é'.repeat(50) + 'x'.repeat(100),
    })
  })

  it('stops reading when the check is aborted, and cancels the stream', async () => {
    const { response, cancelled } = stream(['{"result":'], true)
    const controller = new AbortController()
    const outcome = callNode('https://n.example', 'm', [], async () => response, controller.signal).catch((e: unknown) => e)
    await new Promise((resolve) => setTimeout(resolve, 5))
    controller.abort()
    expect(await outcome).toBeInstanceOf(Error)
    expect(cancelled).toHaveBeenCalled()
  })

  it('cancels a stream that grows past the cap', async () => {
    const { response, cancelled } = stream(['x'.repeat(60), 'x'.repeat(60)], true)
    await expect(callNode('https://n.example', 'm', [], async () => response, new AbortController().signal, 100)).rejects.toThrow('answer too large')
    expect(cancelled).toHaveBeenCalled()
  })

  it('leaves no listener on the check’s signal once read', async () => {
    const controller = new AbortController()
    const added = vi.spyOn(controller.signal, 'addEventListener')
    const removed = vi.spyOn(controller.signal, 'removeEventListener')
    await callNode('https://n.example', 'm', [], async () => stream(['{"result":1}']).response, controller.signal)
    expect(removed).toHaveBeenCalledWith('abort', added.mock.calls[0]![1])
  })
})
