import type { HiveAccount } from '../core/chain/hiveAccounts.js'
import { HiveNodeError } from './chainTransactions.js'

/** hived's 100 % (weights are in basis points). */
const HIVE_100_PERCENT = 10_000

/** The accounts an operation names that must exist on the chain (posts are not simulated: a vote's author is not checked). */
const NAMED: Record<string, string[]> = {
  transfer: ['to'],
  transfer_to_vesting: ['to'],
  transfer_to_savings: ['to'],
  transfer_from_savings: ['to'],
  recurrent_transfer: ['to'],
  delegate_vesting_shares: ['delegatee'],
  set_withdraw_vesting_route: ['to_account'],
}

/**
 * What hived asserts of an operation beyond its authorities, in its words: accounts it names exist, a vote's weight
 * is a percentage. Throws a HiveNodeError.
 */
export function checkOperation(name: string, payload: Record<string, unknown>, ctx: { account(name: string): HiveAccount | undefined }): void {
  for (const field of NAMED[name] ?? []) {
    const named = payload[field]
    if (typeof named === 'string' && !ctx.account(named)) throw new HiveNodeError(`unknown key:unknown key: Account ${named} does not exist`)
  }
  if (name === 'vote') {
    const weight = Number(payload.weight)
    if (!Number.isInteger(weight) || Math.abs(weight) > HIVE_100_PERCENT) {
      throw new HiveNodeError('Assert Exception:abs(weight) <= HIVE_100_PERCENT: Weight is not a HIVE percentage')
    }
  }
}
