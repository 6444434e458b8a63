import dhive from '@hiveio/dhive'
import { createHiveChain, type IHiveChainInterface } from '@hiveio/wax'
import { Transaction, config as hiveTxConfig, PrivateKey as HiveTxKey } from 'hive-tx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { createChain, type DevkitChain } from '../../src/devkit/chain'
import { type RunningChainNode, startChainNode } from '../../src/devkit/chainServer'
import { privateKeyToWif, signDigest } from '../../src/devkit/keys'

// The devkit node driven by today's Hive clients over HTTP on 127.0.0.1: wax (the Hive core team's SDK: HF26 operation
// objects and HF26 signatures), hive-tx (`broadcast(true)`, which waits on transaction_status_api) and dhive. Each
// broadcasts and finds its transaction; hived's refusals come back in hived's words.

const alice = createDevkitAccount('alice')
const hexToBytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
let chain: DevkitChain
let node: RunningChainNode
let wax: IHiveChainInterface

beforeAll(async () => {
  chain = createChain({ accounts: ['alice', 'bob', 'carol'] })
  node = await startChainNode(chain)
  wax = await createHiveChain({ apiEndpoint: node.url, chainId: chain.chainId })
})
afterAll(() => node.close())

const rpc = async (method: string, params: unknown) => {
  const response = await fetch(node.url, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }) })
  return (await response.json()) as { result?: Record<string, unknown>; error?: { code: number; message: string; data?: unknown } }
}

/** A transfer from alice built by wax on the node's head block, signed over `digest` ('hf26': what wax signs). */
async function waxTransfer(amount: number, digest: 'hf26' | 'legacy') {
  const tx = await wax.createTransaction()
  tx.pushOperation({ transfer_operation: { from: 'alice', to: 'bob', amount: wax.hiveCoins(amount), memo: `wax ${digest}` } })
  tx.addSignature(signDigest(hexToBytes(digest === 'hf26' ? tx.sigDigest : tx.legacy_sigDigest), alice.keys.active!))
  return tx
}

describe('wax (HF26 forms)', () => {
  it('broadcasts a transfer in the HF26 form, signed over the HF26 serialization, and finds it by its id', async () => {
    const tx = await waxTransfer(1, 'hf26')
    expect(JSON.parse(tx.toApi()).operations[0]).toMatchObject({ type: 'transfer_operation', value: { amount: { nai: '@@000000021' } } })
    await wax.broadcast(tx)
    const found = await rpc('transaction_status_api.find_transaction', { transaction_id: tx.id })
    expect(found.result).toMatchObject({ status: expect.stringMatching(/^within_(ir)?reversible_block$/), block_num: expect.any(Number) })
    const got = await rpc('account_history_api.get_transaction', { id: tx.id, include_reversible: true })
    expect(got.result).toMatchObject({ transaction_id: tx.id, operations: [{ type: 'transfer_operation', value: { to: 'bob', memo: 'wax hf26' } }] })
    expect(chain.transactions().at(-1)?.operations).toEqual([['transfer', { from: 'alice', to: 'bob', amount: '1.000 HIVE', memo: 'wax hf26' }]])
  })

  it('also accepts the HF26 form signed over the legacy serialization, found by either id', async () => {
    const tx = await waxTransfer(2, 'legacy')
    await wax.broadcast(tx)
    for (const id of [tx.id, tx.legacy_id]) {
      expect((await rpc('transaction_status_api.find_transaction', { transaction_id: id })).result?.status).toMatch(/^within_/)
    }
  })

  it('answers the accounts, resource credits, blocks and config these clients read', async () => {
    const found = await rpc('database_api.find_accounts', { accounts: ['alice'] })
    expect(found.result?.accounts).toMatchObject([{ name: 'alice' }])
    const rc = await rpc('rc_api.find_rc_accounts', { accounts: ['alice'] })
    expect(rc.result?.rc_accounts).toMatchObject([{ account: 'alice', rc_manabar: { current_mana: expect.any(String) } }])
    const props = await rpc('condenser_api.get_dynamic_global_properties', [])
    const head = props.result!.head_block_number as number
    const block = await rpc('block_api.get_block', { block_num: head })
    expect(block.result?.block).toMatchObject({ block_id: props.result!.head_block_id, witness: 'devkit-witness' })
    const condenserBlock = await rpc('condenser_api.get_block', [head])
    expect(condenserBlock.result).toMatchObject({ block_id: props.result!.head_block_id, transactions: expect.any(Array) })
    for (const form of ['condenser_api', 'database_api']) {
      const properties = (await rpc(`${form}.get_dynamic_global_properties`, form === 'condenser_api' ? [] : {})).result!
      // The fields the developer portal documents, each present.
      for (const field of [
        'head_block_number',
        'head_block_id',
        'time',
        'current_witness',
        'current_supply',
        'current_hbd_supply',
        'virtual_supply',
        'total_vesting_fund_hive',
        'total_vesting_shares',
        'hbd_interest_rate',
        'hbd_print_rate',
        'maximum_block_size',
        'last_irreversible_block_num',
        'vote_power_reserve_rate',
        'delegation_return_period',
        'available_account_subsidies',
        'content_reward_percent',
        'vesting_reward_percent',
        'proposal_fund_percent',
        'downvote_pool_percent',
        'next_maintenance_time',
        'max_open_recurrent_transfers',
      ]) {
        expect([form, field, properties[field] !== undefined]).toEqual([form, field, true])
      }
    }
    const config = await rpc('condenser_api.get_config', [])
    expect(config.result).toMatchObject({ HIVE_CHAIN_ID: chain.chainId, HIVE_ADDRESS_PREFIX: 'STM', HIVE_100_PERCENT: 10000 })
  })
})

describe('hive-tx', () => {
  it('broadcast(true): broadcasts, then waits on transaction_status_api until the block is irreversible', async () => {
    hiveTxConfig.nodes = [node.url]
    hiveTxConfig.chain_id = chain.chainId
    const tx = new Transaction()
    await tx.addOperation('transfer', { from: 'alice', to: 'bob', amount: '0.123 HIVE', memo: 'hive-tx' })
    tx.sign(HiveTxKey.from(privateKeyToWif(alice.keys.active!)))
    const result = await tx.broadcast(true)
    expect(result).toEqual({ tx_id: expect.stringMatching(/^[0-9a-f]{40}$/), status: 'within_irreversible_block' })
    expect(chain.transactions().some((t) => t.txid === result.tx_id)).toBe(true)
  }, 30_000)
})

describe("hived's refusals, in its words", () => {
  const client = () => new dhive.Client([node.url], { timeout: 5000, failoverThreshold: 1 })
  const posting = () => dhive.PrivateKey.fromString(privateKeyToWif(alice.keys.posting!))
  const active = () => dhive.PrivateKey.fromString(privateKeyToWif(alice.keys.active!))

  it('a vote of weight 10001 is not a HIVE percentage', async () => {
    const vote = ['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 10001 }] as dhive.Operation
    await expect(client().broadcast.sendOperations([vote], posting())).rejects.toThrow(/Weight is not a HIVE percentage/)
  })

  it('a transfer to an account that does not exist', async () => {
    const transfer = ['transfer', { from: 'alice', to: 'nobody', amount: '1.000 HIVE', memo: '' }] as dhive.Operation
    await expect(client().broadcast.sendOperations([transfer], active())).rejects.toThrow(/Account nobody does not exist/)
  })

  it('an error carries hived’s data', async () => {
    const unknown = await rpc('condenser_api.get_transaction', ['0'.repeat(40)])
    expect(unknown.error).toMatchObject({ code: -32003, data: { name: 'assert_exception' } })
  })
})

describe('balances on the devkit chain', () => {
  const client = () => new dhive.Client([node.url], { timeout: 5000, failoverThreshold: 1 })
  const active = () => dhive.PrivateKey.fromString(privateKeyToWif(createDevkitAccount('bob').keys.active!))
  const balance = async (name: string) => {
    const [account] = (await rpc('condenser_api.get_accounts', [[name]])).result as unknown as Record<string, string>[]
    return account!
  }

  it('a transfer moves HIVE, a power up turns HIVE into VESTS, a delegation is counted on both sides', async () => {
    const before = await balance('carol')
    await client().broadcast.sendOperations([['transfer', { from: 'bob', to: 'carol', amount: '12.345 HIVE', memo: '' }]], active())
    await client().broadcast.sendOperations([['transfer_to_vesting', { from: 'bob', to: 'carol', amount: '6.000 HIVE' }]], active())
    await client().broadcast.sendOperations(
      [['delegate_vesting_shares', { delegator: 'bob', delegatee: 'carol', vesting_shares: '1000.000000 VESTS' }]],
      active(),
    )
    const after = await balance('carol')
    expect(Number.parseFloat(after.balance!) - Number.parseFloat(before.balance!)).toBeCloseTo(12.345, 3)
    expect(Number.parseFloat(after.vesting_shares!) - Number.parseFloat(before.vesting_shares!)).toBeCloseTo(10_000, 3) // 6 HIVE at 0.0006 HIVE per VEST
    expect(after.received_vesting_shares).toBe('1000.000000 VESTS')
    expect((await balance('bob')).delegated_vesting_shares).toBe('1000.000000 VESTS')
    const database = await rpc('database_api.find_accounts', { accounts: ['carol'] })
    expect(database.result?.accounts).toMatchObject([{ balance: { nai: '@@000000021', precision: 3 } }])
  })

  it('more than the account holds is refused in hived’s words, and nothing moves', async () => {
    const before = await balance('bob')
    const transfer = ['transfer', { from: 'bob', to: 'carol', amount: '9999999.000 HIVE', memo: '' }] as dhive.Operation
    await expect(client().broadcast.sendOperations([transfer], active())).rejects.toThrow(/Account does not have sufficient funds for transfer/)
    expect((await balance('bob')).balance).toBe(before.balance)
  })
})
