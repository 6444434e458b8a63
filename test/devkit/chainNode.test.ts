import dhive from '@hiveio/dhive'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { requiredAuthorities } from '../../src/core/hive/operationAuthority'
import { createChain, type DevkitChain } from '../../src/devkit/chain'
import { type RunningChainNode, startChainNode } from '../../src/devkit/chainServer'
import { privateKeyToWif } from '../../src/devkit/keys'
import { HIVE_TRANSACTIONS } from '../fixtures/hiveTransactionInputs'

// The devkit's Hive node driven by dhive over HTTP, as the official service PKSA and the HiveAuth app drive a real one:
// read the global properties, build, sign and broadcast each transaction kind, and get Hive's id back.

const alice = createDevkitAccount('alice')
const bob = createDevkitAccount('bob')
const key = (account: typeof alice, role: 'posting' | 'active') => dhive.PrivateKey.fromString(privateKeyToWif(account.keys[role]!))
type Op = [string, Record<string, unknown>]

let chain: DevkitChain
let node: RunningChainNode
let client: dhive.Client

beforeAll(async () => {
  chain = createChain()
  node = await startChainNode(chain)
  client = new dhive.Client([node.url], { timeout: 5000, failoverThreshold: 1 })
})
afterAll(() => node.close())

/** The keys a wallet of alice signs these operations with: active where any operation needs more than posting. */
function keysFor(ops: Op[]) {
  const roles = new Set(ops.flatMap(([name, payload]) => requiredAuthorities(name, payload)!.map((need) => need.role)))
  return [...(roles.has('posting') ? [key(alice, 'posting')] : []), ...(roles.has('active') || roles.has('owner') ? [key(alice, 'active')] : [])]
}

/** dhive cannot write HF26 amount objects; those kinds are broadcast by the devkit wallet (test/integration/wallets). */
const dhiveCanWrite = HIVE_TRANSACTIONS.filter(([, tx]) => !JSON.stringify(tx).includes('"nai"'))

describe('the devkit node, driven by dhive over HTTP', () => {
  it('answers get_dynamic_global_properties with a head block a transaction can refer to', async () => {
    const props = await client.database.getDynamicGlobalProperties()
    expect(props.head_block_number).toBeGreaterThan(0)
    expect(props.head_block_id).toMatch(/^[0-9a-f]{40}$/)
    expect(Number.parseInt(props.head_block_id.slice(0, 8), 16)).toBe(props.head_block_number)
    expect(props.time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
    expect(String(props.total_vesting_shares)).toMatch(/ VESTS$/)
    const database = await client.call('database_api', 'get_dynamic_global_properties', {})
    expect(database.total_vesting_shares).toMatchObject({ nai: '@@000000037', precision: 6 })
    const version = await client.call('condenser_api', 'get_version', [])
    expect(version.chain_id).toBe(chain.chainId)
  })

  it.each(dhiveCanWrite)('%s: signed and broadcast by dhive, accepted with Hive id', async (_, tx) => {
    const ops = tx.operations as Op[]
    const result = await client.broadcast.sendOperations(ops as dhive.Operation[], keysFor(ops))
    expect(result.id).toMatch(/^[0-9a-f]{40}$/)
    const stored = chain.transactions().find((t) => t.txid === result.id)
    expect(stored?.operations).toEqual(ops)
    expect(dhive.cryptoUtils.generateTrxId(stored!.transaction as never)).toBe(result.id)
    const fetched = await client.database.getTransaction(result.id)
    expect(fetched).toMatchObject({ transaction_id: result.id, operations: ops, block_num: stored!.blockNum })
  })

  it('broadcast_transaction_synchronous answers with the id and block', async () => {
    const ops: Op[] = [['vote', { voter: 'alice', author: 'bob', permlink: 'synchronous', weight: 5000 }]]
    const props = await client.database.getDynamicGlobalProperties()
    const tx = {
      ref_block_num: props.head_block_number & 0xffff,
      ref_block_prefix: Buffer.from(props.head_block_id, 'hex').readUInt32LE(4),
      expiration: new Date(Date.parse(`${props.time}Z`) + 60_000).toISOString().slice(0, 19),
      operations: ops as dhive.Operation[],
      extensions: [],
    }
    const signed = client.broadcast.sign(tx, key(alice, 'posting'))
    const answer = await client.call('condenser_api', 'broadcast_transaction_synchronous', [signed])
    expect(answer).toMatchObject({ id: dhive.cryptoUtils.generateTrxId(signed), block_num: expect.any(Number), expired: false })
  })

  describe('refuses in Hive words', () => {
    const vote: Op = ['vote', { voter: 'alice', author: 'bob', permlink: 'refused', weight: 100 }]
    const transfer: Op = ['transfer', { from: 'alice', to: 'bob', amount: '1.000 HIVE', memo: '' }]

    it('a vote signed by another account', async () => {
      await expect(client.broadcast.sendOperations([vote] as dhive.Operation[], key(bob, 'posting'))).rejects.toThrow(
        'missing required posting authority: Missing Posting Authority alice',
      )
    })

    it('a transfer signed with the posting key', async () => {
      await expect(client.broadcast.sendOperations([transfer] as dhive.Operation[], key(alice, 'posting'))).rejects.toThrow(
        'Missing Active Authority alice',
      )
    })

    it('a signature for another chain (a testnet chain id)', async () => {
      const testnet = new dhive.Client([node.url], { chainId: '18dcf0a285365fc58b71f18b3d3fec954aa0c141c44e4e5cb4cf777b9eab274e' })
      await expect(testnet.broadcast.sendOperations([vote] as dhive.Operation[], key(alice, 'posting'))).rejects.toThrow(
        'Missing Posting Authority alice',
      )
    })

    it('an expired transaction, one too far ahead, a wrong reference block, a duplicate, an unneeded signature', async () => {
      const props = await client.database.getDynamicGlobalProperties()
      const head = Date.parse(`${props.time}Z`)
      const build = (change: Record<string, unknown>, ops: Op[] = [vote]) => ({
        ref_block_num: props.head_block_number & 0xffff,
        ref_block_prefix: Buffer.from(props.head_block_id, 'hex').readUInt32LE(4),
        expiration: new Date(head + 60_000).toISOString().slice(0, 19),
        operations: ops as dhive.Operation[],
        extensions: [],
        ...change,
      })
      const send = (tx: ReturnType<typeof build>, keys = [key(alice, 'posting')]) => client.broadcast.send(client.broadcast.sign(tx, keys))
      await expect(send(build({ expiration: new Date(head - 3000).toISOString().slice(0, 19) }))).rejects.toThrow('now < trx.expiration')
      await expect(send(build({ expiration: new Date(head + 3_700_000).toISOString().slice(0, 19) }))).rejects.toThrow(
        'transaction expiration exception',
      )
      await expect(send(build({ ref_block_prefix: 12345 }))).rejects.toThrow('transaction tapos exception')
      const once = build({}, [['vote', { voter: 'alice', author: 'bob', permlink: 'once', weight: 100 }]])
      await expect(send(once)).resolves.toMatchObject({ id: expect.any(String) })
      await expect(send(once)).rejects.toThrow('Duplicate transaction check failed')
      await expect(send(build({}), [key(alice, 'posting'), key(bob, 'posting')])).rejects.toThrow('Unnecessary signature(s) detected')
      expect(chain.transactions().some((t) => (t.operations[0] as Op)[1].permlink === 'refused')).toBe(false)
    })
  })
})
