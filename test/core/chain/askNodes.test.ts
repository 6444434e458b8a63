import { afterEach, describe, expect, it, vi } from 'vitest'
import { askNodes, DEFAULT_CHECK_TIMEOUT_MS, HEDGE_MS } from '../../../src/core/chain/askNodes'
import { distinctNodes, normalizeNodeUrl } from '../../../src/core/chain/nodeUrls'
import type { RpcAnswer } from '../../../src/core/chain/rpc'
import { HasConnectionError } from '../../../src/core/errors/HasConnectionError'

// The quorum's timing and counting, with a scripted fetch and fake timers (the hostile-node tests run real servers).

afterEach(() => vi.useRealTimers())

type Script = Record<string, { value?: unknown; hang?: true; fail?: true }>
/** A fetch that answers each node as scripted and records which nodes were asked, in order. */
function scripted(script: Script) {
  const asked: string[] = []
  const fetch: typeof globalThis.fetch = ((url: string, init: RequestInit) => {
    asked.push(url)
    const plan = script[url] ?? { fail: true }
    if (plan.fail) return Promise.reject(new Error('down'))
    if (plan.hang) return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
    return Promise.resolve(new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result: plan.value })))
  }) as unknown as typeof fetch
  return { fetch, asked }
}
const read = (answer: RpcAnswer) => ('result' in answer ? answer.result : undefined)

describe('askNodes', () => {
  it('pins its timing: a check lasts 8 s at most, and a node gets 500 ms alone before the next is asked', async () => {
    expect(DEFAULT_CHECK_TIMEOUT_MS).toBe(8000)
    expect(HEDGE_MS).toBe(500)
    vi.useFakeTimers()
    const { fetch, asked } = scripted({ a: { hang: true }, b: { hang: true }, c: { hang: true }, d: { hang: true }, e: { hang: true } })
    const outcome = askNodes('m', [], { nodes: ['a', 'b', 'c', 'd', 'e'], fetch }, read).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(0)
    expect(asked).toEqual(['a', 'b', 'c'])
    await vi.advanceTimersByTimeAsync(HEDGE_MS - 1)
    expect(asked).toHaveLength(3)
    await vi.advanceTimersByTimeAsync(1)
    expect(asked).toEqual(['a', 'b', 'c', 'd'])
    await vi.advanceTimersByTimeAsync(DEFAULT_CHECK_TIMEOUT_MS - HEDGE_MS - 1)
    let settled = false
    void outcome.then(() => (settled = true))
    await vi.advanceTimersByTimeAsync(0)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    const error = await outcome
    expect(error).toBeInstanceOf(HasConnectionError)
    expect(error).toMatchObject({ reason: 'nodes', shortMessage: expect.stringMatching(/in time/) })
  })

  it('a disagreement asks the next nodes, and agreement anywhere in the list wins', async () => {
    const { fetch, asked } = scripted({ liar: { value: 'lie' }, x: { fail: true }, h1: { value: 'truth' }, h2: { value: 'truth' } })
    await expect(askNodes('m', [], { nodes: ['liar', 'x', 'h1', 'h2'], fetch }, read)).resolves.toEqual({ agreed: 'truth' })
    expect(new Set(asked)).toEqual(new Set(['liar', 'x', 'h1', 'h2'])) // a node that fails before answering is tried twice
  })

  it('answers that never agree are a disagreement once the nodes run out, naming every node that answered', async () => {
    const { fetch } = scripted({ a: { value: 1 }, b: { value: 2 }, c: { value: 3 } })
    await expect(askNodes('m', [], { nodes: ['a', 'b', 'c'], fetch }, read)).resolves.toEqual({ disagreed: ['a', 'b', 'c'] })
  })

  it('one answer and failures are too few: a HasConnectionError that says how many answered', async () => {
    const { fetch } = scripted({ a: { value: 1 } })
    const error = await askNodes('m', [], { nodes: ['a', 'b', 'c'], fetch }, read).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasConnectionError)
    expect(error).toMatchObject({ reason: 'nodes', details: expect.stringMatching(/only 1 of 3 nodes answered/) })
  })

  it('a single configured node is believed; junk from it is no answer', async () => {
    await expect(askNodes('m', [], { nodes: ['a'], fetch: scripted({ a: { value: 7 } }).fetch }, read)).resolves.toEqual({ agreed: 7 })
    await expect(askNodes('m', [], { nodes: ['a'], fetch: scripted({ a: { value: 7 } }).fetch }, () => undefined)).rejects.toBeInstanceOf(
      HasConnectionError,
    )
  })

  it('an aborted signal asks no node at all', async () => {
    const { fetch, asked } = scripted({ a: { value: 1 }, b: { value: 1 } })
    const controller = new AbortController()
    controller.abort()
    const error = await askNodes('m', [], { nodes: ['a', 'b'], fetch, signal: controller.signal }, read).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasConnectionError)
    expect(error).toMatchObject({ reason: 'nodes', shortMessage: 'The check was aborted.' })
    expect(asked).toEqual([])
  })
})

describe('node URLs', () => {
  it.each([
    ['HTTPS://Node.Example./', 'https://node.example'],
    ['https://node.example:443/#x', 'https://node.example'],
    ['http://node.example:80/rpc/', 'http://node.example/rpc'],
    ['https://node.example:8443', 'https://node.example:8443'],
    ['https://node.example/?a=1', 'https://node.example?a=1'],
  ])('%s counts as %s', (url, normal) => {
    expect(normalizeNodeUrl(url)).toBe(normal)
  })

  it('keeps the first spelling of each node, and tells other paths and ports apart', () => {
    expect(
      distinctNodes(['https://a.example/', 'HTTPS://A.EXAMPLE', 'https://a.example/#', 'https://a.example/rpc', 'https://a.example:8443']),
    ).toEqual(['https://a.example/', 'https://a.example/rpc', 'https://a.example:8443'])
  })
})
