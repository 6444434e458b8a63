import { readAsset } from '../core/hive/assets.js'
import { HiveNodeError } from './chainTransactions.js'

/** The vesting fund of the devkit chain's global properties: 180 M HIVE (in milli-HIVE) behind 300 G VESTS (in micro). */
const FUND_MILLI_HIVE = 180_000_000_000n
const FUND_MICRO_VESTS = 300_000_000_000_000_000n

/** An account's balances, in the smallest unit (milli-HIVE, milli-HBD, micro-VESTS). */
export interface Balances {
  hive: bigint
  hbd: bigint
  savingsHive: bigint
  savingsHbd: bigint
  vests: bigint
  /** VESTS delegated away, by delegatee. */
  delegations: Record<string, bigint>
  received: bigint
  withdrawRate: bigint
}

/** The VESTS an account has delegated away in all. */
export const delegatedOf = (b: Balances) => Object.values(b.delegations).reduce((sum, v) => sum + v, 0n)

/** What every devkit account starts with: 1 000 000 HIVE, 100 000 HBD and 1 000 000 VESTS (600 HP). */
export const startingBalances = (): Balances => ({
  hive: 1_000_000_000n,
  hbd: 100_000_000n,
  savingsHive: 0n,
  savingsHbd: 0n,
  vests: 1_000_000_000_000n,
  delegations: {},
  received: 0n,
  withdrawRate: 0n,
})

const refuse = (text: string) => new HiveNodeError(`Assert Exception:${text}`)

/**
 * Applies a transaction's operations to a copy of the balances, as hived's evaluators do, refusing in hived's words
 * what an account cannot pay; returns the balances after it (the caller keeps them only if the whole transaction holds).
 */
export function applyOperations(balances: ReadonlyMap<string, Balances>, operations: [string, Record<string, unknown>][]): Map<string, Balances> {
  const next = new Map([...balances].map(([name, b]) => [name, { ...b, delegations: { ...b.delegations } }]))
  const of = (name: unknown) => next.get(String(name))
  for (const [name, op] of operations) {
    const from = of(op.from ?? op.account ?? op.delegator)
    // Other operations move nothing here: a recurrent transfer is scheduled, a savings withdrawal takes 3 days.
    switch (name) {
      case 'transfer':
      case 'transfer_to_savings': {
        const { amount, symbol } = readAsset(op.amount)
        const hbd = symbol === 'SBD'
        if (!from || (hbd ? from.hbd : from.hive) < amount)
          throw refuse('_db.get_balance( from_account, o.amount.symbol ) >= o.amount: Account does not have sufficient funds for transfer.')
        const to = of(op.to)!
        const field: keyof Balances = name === 'transfer' ? (hbd ? 'hbd' : 'hive') : hbd ? 'savingsHbd' : 'savingsHive'
        from[hbd ? 'hbd' : 'hive'] -= amount
        to[field] += amount
        break
      }
      case 'transfer_to_vesting': {
        const { amount } = readAsset(op.amount)
        if (!from || from.hive < amount)
          throw refuse('_db.get_balance( from_account, HIVE_SYMBOL) >= o.amount: Account does not have sufficient HIVE for transfer.')
        from.hive -= amount
        of(op.to || op.from)!.vests += (amount * FUND_MICRO_VESTS) / FUND_MILLI_HIVE
        break
      }
      case 'withdraw_vesting': {
        const { amount } = readAsset(op.vesting_shares)
        if (!from || from.vests - delegatedOf(from) < amount)
          throw refuse('account.vesting_shares >= o.vesting_shares: Account does not have sufficient Hive Power for withdraw.')
        from.withdrawRate = amount / 13n
        break
      }
      case 'delegate_vesting_shares': {
        const { amount } = readAsset(op.vesting_shares)
        const delegatee = String(op.delegatee)
        if (!from) break
        const change = amount - (from.delegations[delegatee] ?? 0n)
        if (change > 0n && from.vests - delegatedOf(from) - from.withdrawRate * 13n < change) {
          throw refuse('available_shares >= delta: Account does not have enough mana to delegate.')
        }
        from.delegations[delegatee] = amount
        of(delegatee)!.received += change
        break
      }
    }
  }
  return next
}
