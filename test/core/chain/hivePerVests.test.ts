import { describe, expect, it } from 'vitest'
import { fetchHivePerVests } from '../../../src/core/chain/hivePerVests'
import { HasConnectionError } from '../../../src/core/errors/HasConnectionError'

// HIVE per VEST for the sign prompt's HP: read from the chain's global properties, believed when two nodes agree.

/** Nodes answering `condenser_api.get_dynamic_global_properties` with these vesting funds (or junk), by URL. */
function nodes(answers: Record<string, { fund: string; shares: string; head?: number } | 'junk'>): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = answers[String(input)]
    if (!answer) throw new TypeError('fetch failed')
    // A node answers the call asked of it, and nothing else.
    const { method, params } = JSON.parse(String(init?.body)) as { method: string; params: unknown }
    if (method !== 'condenser_api.get_dynamic_global_properties' || JSON.stringify(params) !== '[]') {
      return new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'no such call' } }))
    }
    const result =
      answer === 'junk'
        ? { unexpected: true }
        : { head_block_number: answer.head ?? 1, total_vesting_fund_hive: answer.fund, total_vesting_shares: answer.shares }
    return new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, result }))
  }) as typeof fetch
}

const MAINNET_LIKE = { fund: '180000000.000 HIVE', shares: '300000000000.000000 VESTS' }

describe('fetchHivePerVests', () => {
  it('two nodes agreeing give the ratio, to 6 significant digits, whatever block each is at', async () => {
    const fetch = nodes({ a: { ...MAINNET_LIKE, head: 10 }, b: { fund: '180000000.123 HIVE', shares: MAINNET_LIKE.shares, head: 11 } })
    expect(await fetchHivePerVests({ nodes: ['a', 'b'], fetch })).toBe(0.0006)
  })

  it('nodes that disagree give nothing (the prompt then shows VESTS)', async () => {
    const fetch = nodes({ a: MAINNET_LIKE, b: { fund: '360000000.000 HIVE', shares: MAINNET_LIKE.shares } })
    expect(await fetchHivePerVests({ nodes: ['a', 'b'], fetch })).toBeUndefined()
  })

  it('an answer without the vesting fund counts as no answer; one node left cannot agree with itself', async () => {
    const fetch = nodes({ a: MAINNET_LIKE, b: 'junk' })
    await expect(fetchHivePerVests({ nodes: ['a', 'b'], fetch })).rejects.toBeInstanceOf(HasConnectionError)
    const twoJunk = nodes({ a: 'junk', b: 'junk' })
    await expect(fetchHivePerVests({ nodes: ['a', 'b'], fetch: twoJunk })).rejects.toBeInstanceOf(HasConnectionError) // never "agreed" on nothing
  })

  it('a single configured node is trusted, HF26 amounts read as well', async () => {
    const fetch = (async () =>
      new Response(
        JSON.stringify({
          result: {
            total_vesting_fund_hive: { amount: '180000000000', precision: 3, nai: '@@000000021' },
            total_vesting_shares: { amount: '300000000000000000', precision: 6, nai: '@@000000037' },
          },
        }),
      )) as typeof globalThis.fetch
    expect(await fetchHivePerVests({ nodes: ['only'], fetch })).toBe(0.0006)
  })
})
