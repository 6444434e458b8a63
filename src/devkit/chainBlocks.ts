import { sha256 } from '@noble/hashes/sha2.js'
import { naiAmount } from '../core/hive/hf26Operations.js'
import { hiveTime, refBlockPrefix } from '../core/hive/transactionHeader.js'

/** Hive makes a block every 3 seconds. */
export const BLOCK_INTERVAL_MS = 3000
/** The block the devkit chain starts at (a height like mainnet's, so ids and reference blocks look real). */
const FIRST_BLOCK = 90_000_000

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/** The devkit chain's blocks: one every 3 s since it started, each with an id derived from its number. */
export interface BlockClock {
  /** The head block's number, time (ms) and id. */
  head(): { number: number; time: number; id: string }
  /** A block's id: its number (big-endian) then 16 bytes of a hash, 40 hex characters as Hive's. */
  blockId(number: number): string
  /** The block a transaction's TaPoS fields refer to, among the last 65 536; undefined when none matches. */
  referencedBlock(refBlockNum: number, refBlockPrefix: number): number | undefined
}

/** Starts the clock at the current 3-second slot. */
export function createBlockClock(now: () => number = Date.now): BlockClock {
  const genesis = Math.floor(now() / BLOCK_INTERVAL_MS) * BLOCK_INTERVAL_MS
  const blockId = (number: number) => {
    const hash = sha256(new TextEncoder().encode(`hive-auth-react devkit block ${number}`)).subarray(0, 16)
    return number.toString(16).padStart(8, '0') + toHex(hash)
  }
  const head = () => {
    const number = FIRST_BLOCK + Math.max(0, Math.floor((now() - genesis) / BLOCK_INTERVAL_MS))
    return { number, time: genesis + (number - FIRST_BLOCK) * BLOCK_INTERVAL_MS, id: blockId(number) }
  }
  return {
    head,
    blockId,
    referencedBlock(refBlockNum, prefix) {
      const top = head().number
      const number = top - ((top - refBlockNum) & 0xffff)
      return refBlockPrefix(blockId(number)) === prefix ? number : undefined
    },
  }
}

/** `get_dynamic_global_properties` as a node answers it (`nai`: database_api's asset objects, else condenser's strings). */
export function dynamicGlobalProperties(clock: BlockClock, nai: boolean): Record<string, unknown> {
  const { number, time, id } = clock.head()
  const asset = (amount: string, symbol: 'HIVE' | 'HBD' | 'VESTS') => (nai ? naiAmount(`${amount} ${symbol}`) : `${amount} ${symbol}`)
  return {
    id: 0,
    head_block_number: number,
    head_block_id: id,
    time: hiveTime(time),
    current_witness: 'devkit-witness',
    current_supply: asset('435000000.000', 'HIVE'),
    current_hbd_supply: asset('30000000.000', 'HBD'),
    virtual_supply: asset('470000000.000', 'HIVE'),
    total_vesting_fund_hive: asset('180000000.000', 'HIVE'),
    total_vesting_shares: asset('300000000000.000000', 'VESTS'),
    hbd_interest_rate: 1500,
    maximum_block_size: 65536,
    // One-block irreversibility (HF26): a block is final as soon as the next one is produced.
    last_irreversible_block_num: number - 1,
    // The rest of the fields the developer portal documents, with mainnet-like values.
    total_pow: 514415,
    num_pow_witnesses: 172,
    init_hbd_supply: asset('0.000', 'HBD'),
    total_reward_fund_hive: asset('0.000', 'HIVE'),
    total_reward_shares2: '0',
    pending_rewarded_vesting_shares: asset('500000000.000000', 'VESTS'),
    pending_rewarded_vesting_hive: asset('300000.000', 'HIVE'),
    hbd_print_rate: 10000,
    required_actions_partition_percent: 0,
    current_aslot: number + 100_000,
    recent_slots_filled: '340282366920938463463374607431768211455',
    participation_count: 128,
    vote_power_reserve_rate: 10,
    delegation_return_period: 432000,
    reverse_auction_seconds: 0,
    available_account_subsidies: 15000000,
    hbd_stop_percent: 2000,
    hbd_start_percent: 2000,
    next_maintenance_time: hiveTime(time + 3_600_000),
    last_budget_time: hiveTime(time - 1_800_000),
    next_daily_maintenance_time: hiveTime(time + 43_200_000),
    content_reward_percent: 6500,
    vesting_reward_percent: 1500,
    proposal_fund_percent: 1000,
    dhf_interval_ledger: asset('0.000', 'HBD'),
    downvote_pool_percent: 2500,
    current_remove_threshold: 200,
    early_voting_seconds: 86400,
    mid_voting_seconds: 172800,
    max_consecutive_recurrent_transfers: 100,
    max_recurrent_transfer_end_date: 730,
    min_recurrent_transfers_recurrence: 24,
    max_open_recurrent_transfers: 255,
  }
}
