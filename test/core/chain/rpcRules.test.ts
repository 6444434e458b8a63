import { afterEach, describe, expect, it, vi } from 'vitest'
import { askNodes, HEDGE_MS } from '../../../src/core/chain/askNodes'
import { confirmTransaction } from '../../../src/core/chain/confirmTransaction'
import { defaultLoginMessage, LOGIN_MESSAGE_TTL_MS, pageOrigin } from '../../../src/core/chain/defaultLoginMessage'
import { DEFAULT_HIVE_NODES } from '../../../src/core/chain/defaultNodes'
import { parseLoginMessage } from '../../../src/core/chain/loginMessage'
import { normalizeNodeUrl } from '../../../src/core/chain/nodeUrls'
import { callNode, type RpcAnswer } from '../../../src/core/chain/rpc'

// One JSON-RPC call, a transaction's confirmation, the default login message and node URLs: each rule pinned with a
// scripted fetch (npm run mutation found them unpinned). Real nodes on 127.0.0.1 are in hostileNodes.test.ts.

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const json = (body: unknown, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { headers })
const call = (fetch: (url: string, init: RequestInit) => Promise<Response>, maxBytes?: number) =>
  callNode('https://node.example', 'm', [1], fetch as unknown as typeof globalThis.fetch, new AbortController().signal, maxBytes)

describe('callNode', () => {
  it('POSTs JSON-RPC 2.0 as JSON', async () => {
    let sent: RequestInit | undefined
    await call(async (_url, init) => {
      sent = init
      return json({ jsonrpc: '2.0', id: 1, result: 7 })
    })
    expect(sent).toMatchObject({ method: 'POST', headers: { 'content-type': 'application/json' } })
    expect(JSON.parse(sent!.body as string)).toEqual({ jsonrpc: '2.0', method: 'm', params: [1], id: 1 })
  })

  it('reads a result, or an error message; anything else is no answer', async () => {
    await expect(call(async () => json({ result: 0 }))).resolves.toEqual({ result: 0 })
    await expect(call(async () => json({ result: null }))).resolves.toEqual({ result: null })
    await expect(call(async () => json({ error: { message: 'unknown' } }))).resolves.toEqual({ error: { message: 'unknown' } })
    for (const body of [{}, { result: undefined, id: 1 }, { error: 'text' }, { error: { code: 1 } }, [1], 'x', null]) {
      await expect(
        call(async () => json(body)),
        JSON.stringify(body),
      ).rejects.toThrow('not a JSON-RPC answer')
    }
  })

  it('sends once more when the first attempt fails before any answer, never when the check was aborted', async () => {
    let attempts = 0
    const flaky = async () => {
      if (attempts++ === 0) throw new Error('socket hang up')
      return json({ result: 1 })
    }
    await expect(call(flaky)).resolves.toEqual({ result: 1 })
    expect(attempts).toBe(2)
    const controller = new AbortController()
    let tries = 0
    const aborting = async () => {
      tries++
      controller.abort()
      throw new Error('aborted')
    }
    await expect(callNode('https://n', 'm', [], aborting as unknown as typeof fetch, controller.signal)).rejects.toThrow('aborted')
    expect(tries).toBe(1)
  })

  it('refuses an answer over the limit, by its declared length or as it streams, and takes one exactly at it', async () => {
    const body = JSON.stringify({ result: 'x'.repeat(100) })
    await expect(call(async () => new Response(body, { headers: { 'content-length': String(body.length) } }), body.length)).resolves.toEqual({
      result: 'x'.repeat(100),
    })
    await expect(call(async () => new Response(body, { headers: { 'content-length': String(body.length) } }), body.length - 1)).rejects.toThrow(
      'answer too large',
    )
    await expect(call(async () => new Response(body), body.length - 1)).rejects.toThrow('answer too large')
    const bodiless = { headers: new Headers(), body: null, text: async () => body } as unknown as Response
    await expect(call(async () => bodiless, body.length)).resolves.toEqual({ result: 'x'.repeat(100) })
    await expect(call(async () => bodiless, body.length - 1)).rejects.toThrow('answer too large')
  })
})

describe('confirmTransaction', () => {
  const txid = 'ab'.repeat(20)
  const node = (answer: unknown) => (async () => json({ jsonrpc: '2.0', id: 1, ...(answer as object) })) as unknown as typeof fetch
  const confirm = (answer: unknown, extra = {}) => confirmTransaction({ txid, nodes: ['https://one.example'], fetch: node(answer), ...extra })

  it.each([[''], ['xyz'], [txid.slice(1)], [42]])('refuses %j as a transaction id without asking', async (id) => {
    let asked = false
    const result = await confirmTransaction({
      txid: id as string,
      nodes: ['https://one.example'],
      fetch: (async () => ((asked = true), json({}))) as never,
    })
    expect(result).toEqual({ confirmed: false, reason: 'not a transaction id' })
    expect(asked).toBe(false)
  })

  it('asks with the id in lower case, and says what it found', async () => {
    let params: unknown
    const fetch = (async (_: string, init: RequestInit) => {
      params = JSON.parse(init.body as string).params
      return json({ result: { operations: [['vote', {}]], block_num: 5 } })
    }) as unknown as typeof globalThis.fetch
    await expect(confirmTransaction({ txid: txid.toUpperCase(), nodes: ['https://one.example'], fetch })).resolves.toEqual({
      confirmed: true,
      blockNum: 5,
    })
    expect(params).toEqual([txid])
    await expect(confirm({ result: { operations: [['vote', {}]] } })).resolves.toEqual({ confirmed: true, blockNum: undefined })
    await expect(confirm({ error: { message: 'Unknown Transaction abcd' } })).resolves.toMatchObject({ confirmed: false, reason: /does not know/ })
    await expect(confirm({ result: { operations: [['vote', {}]] } }, { ops: [['transfer', {}]] })).resolves.toMatchObject({
      reason: /other operations/,
    })
  })

  it('an answer without operations, or another error, is no answer', async () => {
    await expect(confirm({ result: { block_num: 5 } })).rejects.toThrow(/Not enough/)
    await expect(confirm({ result: 'tx' })).rejects.toThrow(/Not enough/)
    await expect(confirm({ error: { message: 'Internal Error' } })).rejects.toThrow(/Not enough/)
  })
})

describe('the default login message', () => {
  it('is for this page: its scheme when it is not https, its origin as URI, alive ten minutes', () => {
    vi.stubGlobal('location', { host: 'localhost:5173', origin: 'http://localhost:5173', protocol: 'http:' })
    vi.useFakeTimers({ now: new Date('2026-12-01T10:00:00.000Z'), toFake: ['Date'] })
    expect(pageOrigin()).toEqual({ domain: 'localhost:5173', uri: 'http://localhost:5173/', scheme: 'http' })
    const fields = parseLoginMessage(defaultLoginMessage('My\u200b  dApp\u0007 ', 'alice', 'n0nceN0nce'))
    expect(fields).toMatchObject({
      scheme: 'http',
      domain: 'localhost:5173',
      uri: 'http://localhost:5173/',
      statement: 'Log in to My dApp.',
      issuedAt: '2026-12-01T10:00:00.000Z',
      expirationTime: '2026-12-01T10:10:00.000Z',
    })
    expect(LOGIN_MESSAGE_TTL_MS).toBe(600_000)
    vi.stubGlobal('location', { host: 'app.example', origin: 'https://app.example', protocol: 'https:' })
    expect(pageOrigin()).toEqual({ domain: 'app.example', uri: 'https://app.example/' })
    vi.stubGlobal('location', { host: 'x.example', origin: 'null', protocol: 'file:' })
    expect(pageOrigin()).toEqual({ domain: 'x.example', uri: 'https://x.example/' })
  })

  it('names the app on one line of visible text, or "this app"', () => {
    expect(parseLoginMessage(defaultLoginMessage('\u202e\n ', 'alice', 'n0nceN0nce')).statement).toBe('Log in to this app.')
  })
})

describe('node URLs and the defaults', () => {
  it.each([
    ['https://node.example.:8443/', 'https://node.example:8443'],
    ['https://node.example/rpc//', 'https://node.example/rpc'],
    ['https://a.b.example./x', 'https://a.b.example/x'],
  ])('%s counts as %s', (url, normal) => {
    expect(normalizeNodeUrl(url)).toBe(normal)
  })

  it('asks four public nodes by default', () => {
    expect(DEFAULT_HIVE_NODES).toHaveLength(4)
    expect(DEFAULT_HIVE_NODES.every((n) => n.startsWith('https://'))).toBe(true)
  })

  it('asks one more node at each hedge until none is left, and never one twice', async () => {
    vi.useFakeTimers()
    const asked: string[] = []
    const fetch = ((url: string, init: RequestInit) => {
      asked.push(url)
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
    }) as unknown as typeof globalThis.fetch
    const nodes = ['a', 'b', 'c', 'd', 'e'].map((n) => `https://${n}.example`)
    const read = (answer: RpcAnswer) => ('result' in answer ? answer.result : undefined)
    const outcome = askNodes('m', [], { nodes, fetch, timeoutMs: 4000 }, read).catch(() => {})
    await vi.advanceTimersByTimeAsync(HEDGE_MS)
    expect(asked).toEqual(nodes.slice(0, 4))
    await vi.advanceTimersByTimeAsync(HEDGE_MS)
    expect(asked).toEqual(nodes)
    await vi.advanceTimersByTimeAsync(3 * HEDGE_MS)
    expect(asked).toEqual(nodes)
    await vi.advanceTimersByTimeAsync(4000)
    await outcome
  })
})
