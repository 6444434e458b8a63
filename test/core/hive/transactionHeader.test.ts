import { Client, PrivateKey } from '@hiveio/dhive'
import { describe, expect, it } from 'vitest'
import { fetchTransactionHeader } from '../../../src/core/hive/transactionHeader'

// The header the kit puts on a transaction a browser wallet signs without broadcasting, checked against dhive's own
// (Client.broadcast.sendOperations builds one from the same global properties) rather than against ourselves.

/** Nodes by address, each answering its global properties with `result` (an Error: down). */
const answering = (results: Record<string, unknown>) => {
  const asked: string[] = []
  const fetch = (async (input: RequestInfo | URL) => {
    asked.push(String(input))
    const result = results[String(input)]
    if (result instanceof Error) throw result
    return new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result }))
  }) as typeof globalThis.fetch
  return { fetch, asked }
}

/** The header dhive puts on a transaction for these global properties. */
async function dhiveHeader(props: { head_block_number: number; head_block_id: string; time: string }) {
  const client = new Client('http://127.0.0.1:9')
  client.database.getDynamicGlobalProperties = async () => props as never
  let sent: Record<string, unknown> = {}
  client.broadcast.send = async (tx) => {
    sent = tx as unknown as Record<string, unknown>
    return {} as never
  }
  await client.broadcast.sendOperations([['vote', { voter: 'a', author: 'b', permlink: 'c', weight: 1 }]], PrivateKey.fromLogin('a', 'pw', 'posting'))
  return { ref_block_num: sent.ref_block_num, ref_block_prefix: sent.ref_block_prefix, expiration: sent.expiration }
}

describe('fetchTransactionHeader', () => {
  it.each([
    { head_block_number: 81_234_567, head_block_id: '04d78a87c0ffee00deadbeef0123456789abcdef', time: '2026-12-06T08:00:00' },
    { head_block_number: 65_535, head_block_id: '0000ffffffffffff00000000000000000000ffff', time: '2026-12-31T23:59:30' },
    { head_block_number: 1, head_block_id: '0000000180000000aaaaaaaaaaaaaaaaaaaaaaaa', time: '2016-03-24T16:05:00' },
  ])('is dhive’s for block $head_block_number', async (props) => {
    const { fetch } = answering({ 'http://node.example': props })
    await expect(fetchTransactionHeader({ nodes: ['http://node.example'], fetch })).resolves.toEqual(await dhiveHeader(props))
  })

  it('asks the next node when one is down or answers without a head block', async () => {
    const props = { head_block_number: 10, head_block_id: `0000000a${'1'.repeat(32)}`, time: '2026-12-06T08:00:00' }
    const nodes = ['http://a.example', 'http://b.example', 'http://c.example', 'http://d.example']
    const { fetch, asked } = answering({ [nodes[0]!]: new TypeError('fetch failed'), [nodes[1]!]: { head_block_number: 'x' }, [nodes[2]!]: props })
    await expect(fetchTransactionHeader({ nodes, fetch })).resolves.toEqual(await dhiveHeader(props))
    expect(new Set(asked)).toEqual(new Set(nodes.slice(0, 3))) // the fourth is never asked
  })

  it('is a connection error, naming each node’s problem, when none gives a head block', async () => {
    const { fetch } = answering({ 'http://a.example': { head_block_id: 'nope' } })
    await expect(fetchTransactionHeader({ nodes: ['http://a.example'], fetch })).rejects.toMatchObject({
      code: 'connection',
      reason: 'nodes',
      details: 'http://a.example: no head block',
    })
  })

  it('stops asking once the caller gives up', async () => {
    const controller = new AbortController()
    controller.abort()
    const { fetch, asked } = answering({})
    await expect(fetchTransactionHeader({ nodes: ['http://a.example'], fetch }, controller.signal)).rejects.toMatchObject({ code: 'connection' })
    expect(asked).toEqual([])
  })
})
