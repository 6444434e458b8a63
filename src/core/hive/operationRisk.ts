import { readAsset } from './assets.js'
import { operationKeyType } from './operationAuthority.js'

/** How carefully a person should read a transaction before approving it. */
export type RiskLevel = 'routine' | 'caution' | 'danger'

/** Why a transaction needs care; `index` is the operation it comes from. */
export type RiskReason =
  /** It changes the owner or active authority: who controls the account. */
  | { kind: 'keys'; index: number; account: string }
  /** It changes the posting authority (an app may then post and vote for the account). */
  | { kind: 'posting_authority'; index: number; account: string }
  /** It changes or uses the account's recovery. */
  | { kind: 'recovery'; index: number; account: string }
  /** It hands the account's witness votes to another account. */
  | { kind: 'proxy'; index: number; to: string }
  /** It moves at least `largeAmount` HIVE or HBD (a recurrent transfer: over all its executions). */
  | { kind: 'large_amount'; index: number; amount: unknown }
  /** It powers down or delegates at least `largePower` HP. */
  | { kind: 'large_power'; index: number; amount: unknown }
  /** It sends power-down payouts to another account. */
  | { kind: 'withdraw_route'; index: number; to: string }
  /** An app action signed with the active key: tokens or game assets may move. */
  | { kind: 'active_app_action'; index: number; id: string }
  /** More operations at once than a person reads comfortably. */
  | { kind: 'many_operations'; count: number }

/** What assessOperations found. */
export interface RiskAssessment {
  level: RiskLevel
  reasons: RiskReason[]
}

/** Thresholds of assessOperations (a dApp tunes them to its users). */
export interface RiskOptions {
  /** HIVE or HBD from which a transfer, a savings move, an order or a recurrent transfer is large (default 1 000). */
  largeAmount?: number
  /** Hive Power from which a power down or a delegation is large (default 5 000). */
  largePower?: number
  /** HIVE per VEST (hivePerVestsOf); without it a VEST counts as 1/1 700 HP, close to the chain's ratio since 2021. */
  hivePerVests?: number
  /** More operations than this in one transaction need care (default 5). */
  manyOperations?: number
}

const DANGER = new Set(['keys', 'recovery', 'proxy', 'large_amount', 'large_power', 'withdraw_route'])
const RECOVERY = new Set(['change_recovery_account', 'request_account_recovery', 'recover_account'])
const AMOUNT_FIELD: Record<string, string> = {
  transfer: 'amount',
  transfer_to_savings: 'amount',
  transfer_from_savings: 'amount',
  escrow_transfer: 'hive_amount',
  limit_order_create: 'amount_to_sell',
  convert: 'amount',
  collateralized_convert: 'amount',
}

/** A legacy or HF26 amount in whole units of its symbol (VESTS as HP), or undefined for what is not one. */
function units(value: unknown, hivePerVests: number): { symbol: string; value: number } | undefined {
  try {
    const asset = readAsset(value)
    const whole = Number(asset.amount) / 10 ** asset.precision
    return asset.symbol === 'VESTS' ? { symbol: 'HP', value: whole * hivePerVests } : { symbol: asset.symbol, value: whole }
  } catch {
    return undefined
  }
}

/**
 * How much care a transaction needs, read from its operations alone: `danger` for what changes who controls the
 * account (owner or active keys, recovery), hands its votes away (a witness proxy), redirects its power-down, or moves
 * large amounts (HIVE, HBD, Hive Power); `caution` for the active key, a posting-authority change, an app action with
 * the active key, or many operations; else `routine`. For a sign prompt's warning, and a dApp's own.
 */
export function assessOperations(operations: readonly (readonly [string, Record<string, unknown>])[], options: RiskOptions = {}): RiskAssessment {
  const largeAmount = options.largeAmount ?? 1000
  const largePower = options.largePower ?? 5000
  const hivePerVests = options.hivePerVests && options.hivePerVests > 0 ? options.hivePerVests : 1 / 1700
  const reasons: RiskReason[] = []
  let active = false
  operations.forEach(([name, op], index) => {
    const role = operationKeyType([name, op])
    if (role === 'active' || role === 'owner') active = true
    const other = (field: string) => (typeof op[field] === 'string' ? (op[field] as string) : '')
    const updates = name === 'account_update' || name === 'account_update2'
    if (updates && (op.owner || op.active)) reasons.push({ kind: 'keys', index, account: other('account') })
    else if (updates && op.posting) reasons.push({ kind: 'posting_authority', index, account: other('account') })
    if (RECOVERY.has(name)) reasons.push({ kind: 'recovery', index, account: other('account_to_recover') || other('account') })
    if (name === 'account_witness_proxy' && other('proxy')) reasons.push({ kind: 'proxy', index, to: other('proxy') })
    if (name === 'set_withdraw_vesting_route' && other('to_account') && other('to_account') !== other('from_account'))
      reasons.push({ kind: 'withdraw_route', index, to: other('to_account') })
    const field =
      AMOUNT_FIELD[name] ??
      (name === 'recurrent_transfer' || (name === 'transfer_to_vesting' && other('to') && other('to') !== other('from')) ? 'amount' : undefined)
    const moved = field ? units(op[field], hivePerVests) : undefined
    const times = name === 'recurrent_transfer' ? Math.max(1, Number(op.executions) || 1) : 1
    if (moved && moved.symbol !== 'HP' && moved.value * times >= largeAmount) reasons.push({ kind: 'large_amount', index, amount: op[field!] })
    if (name === 'withdraw_vesting' || name === 'delegate_vesting_shares') {
      const power = units(op.vesting_shares, hivePerVests)
      if (power && power.value >= largePower) reasons.push({ kind: 'large_power', index, amount: op.vesting_shares })
    }
    if (name === 'custom_json' && Array.isArray(op.required_auths) && op.required_auths.length > 0)
      reasons.push({ kind: 'active_app_action', index, id: other('id') })
  })
  if (operations.length > (options.manyOperations ?? 5)) reasons.push({ kind: 'many_operations', count: operations.length })
  const level: RiskLevel = reasons.some((r) => DANGER.has(r.kind)) ? 'danger' : reasons.length > 0 || active ? 'caution' : 'routine'
  return { level, reasons }
}
