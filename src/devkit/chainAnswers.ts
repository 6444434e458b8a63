import { toHf26Operation } from '../core/hive/hf26Operations.js'
import type { ChainTransaction } from './chain.js'
import { hiveTime } from '../core/hive/transactionHeader.js'
import { BLOCK_INTERVAL_MS, type BlockClock } from './chainBlocks.js'

// The devkit node's answers that take some shaping: transactions in either JSON form, blocks, resource credits and
// the chain's constants, shaped as the Hive developer portal documents them.

/** A recorded transaction in the condenser form (legacy operations). */
export function legacyForm({ transaction, operations }: ChainTransaction): Record<string, unknown> {
  return { ...transaction, operations }
}

/** A recorded transaction in the HF26 form (`{ type, value }` operations, NAI amounts), as database-style APIs answer. */
export function hf26Form({ transaction, operations }: ChainTransaction): Record<string, unknown> {
  return { ...transaction, operations: operations.map(toHf26Operation) }
}

/** A block as `condenser_api.get_block` (or, `condenser` false, `block_api.get_block`) answers it. */
export function blockAt(
  chain: { clock: BlockClock; inBlock(number: number): ChainTransaction[] },
  number: number,
  condenser: boolean,
): Record<string, unknown> {
  const head = chain.clock.head()
  const txs = chain.inBlock(number)
  return {
    previous: chain.clock.blockId(number - 1),
    timestamp: hiveTime(head.time - (head.number - number) * BLOCK_INTERVAL_MS),
    witness: 'devkit-witness',
    transaction_merkle_root: '0000000000000000000000000000000000000000',
    extensions: [],
    witness_signature: `1f${'0'.repeat(128)}`,
    transactions: txs.map((tx, i) => ({
      ...(condenser ? legacyForm(tx) : hf26Form(tx)),
      transaction_id: tx.txid,
      block_num: number,
      transaction_num: i,
    })),
    block_id: chain.clock.blockId(number),
    signing_key: 'STM1111111111111111111111111111111114T1Anm',
    transaction_ids: txs.map((tx) => tx.txid),
  }
}

/** An account's resource credits as `rc_api.find_rc_accounts` answers them: always full (the devkit meters nothing). */
export function rcAccount(account: string, now: number): Record<string, unknown> {
  const max = '50000000000000'
  return {
    account,
    rc_manabar: { current_mana: max, last_update_time: Math.floor(now / 1000) },
    max_rc_creation_adjustment: { amount: '2020748973', precision: 6, nai: '@@000000037' },
    max_rc: max,
    delegated_rc: 0,
    received_delegated_rc: 0,
  }
}

/** The chain's constants a client reads (`condenser_api.get_config`), with this node's chain id. */
export function config(chainId: string): Record<string, unknown> {
  return {
    IS_TEST_NET: false,
    HIVE_CHAIN_ID: chainId,
    HIVE_ADDRESS_PREFIX: 'STM',
    HIVE_BLOCKCHAIN_VERSION: '1.27.11',
    HIVE_BLOCK_INTERVAL: 3,
    HIVE_BLOCKS_PER_DAY: 28800,
    HIVE_100_PERCENT: 10000,
    HIVE_1_PERCENT: 100,
    HIVE_MAX_TIME_UNTIL_EXPIRATION: 3600,
    HIVE_MAX_VOTE_CHANGES: 5,
    HIVE_VOTE_DUST_THRESHOLD: 50000000,
    HIVE_MIN_ACCOUNT_NAME_LENGTH: 3,
    HIVE_MAX_ACCOUNT_NAME_LENGTH: 16,
    HIVE_MAX_MEMO_SIZE: 2048,
    HIVE_SAVINGS_WITHDRAW_TIME: '259200000000',
    HIVE_VESTING_WITHDRAW_INTERVALS: 13,
    HIVE_CASHOUT_WINDOW_SECONDS: 604800,
    HIVE_NULL_ACCOUNT: 'null',
    HIVE_TREASURY_ACCOUNT: 'hive.fund',
  }
}
