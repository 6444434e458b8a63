import type { HiveAccount } from '../core/chain/hiveAccounts.js'
import { NAI_ASSETS } from '../core/hive/assets.js'
import { formatAmount } from '../core/hive/formatAmount.js'
import { type Balances, delegatedOf } from './chainBalances.js'

/** An amount in the smallest unit, as condenser (`"1.000 HIVE"`) or database_api (NAI object) writes it. */
function asset(units: bigint, symbol: keyof typeof NAI_ASSETS, nai: boolean): unknown {
  const json = { amount: units.toString(), ...NAI_ASSETS[symbol] }
  return nai ? json : formatAmount(json)
}

/**
 * An account as `condenser_api.get_accounts` (or, `nai`, `database_api.find_accounts`) answers it: authorities, memo
 * key, balances the chain keeps, and the other fields clients read with plausible values (metadata empty, no proxy).
 */
export function accountAnswer(account: HiveAccount, balances: Balances, nai: boolean): Record<string, unknown> {
  const zero = (symbol: keyof typeof NAI_ASSETS) => asset(0n, symbol, nai)
  return {
    id: 1,
    ...account,
    json_metadata: '',
    posting_json_metadata: '',
    proxy: '',
    recovery_account: 'steem',
    created: '2020-03-20T14:00:00',
    last_owner_update: '1970-01-01T00:00:00',
    last_account_update: '1970-01-01T00:00:00',
    mined: false,
    can_vote: true,
    voting_manabar: { current_mana: '1000000000000', last_update_time: 1_700_000_000 },
    downvote_manabar: { current_mana: '250000000000', last_update_time: 1_700_000_000 },
    balance: asset(balances.hive, 'HIVE', nai),
    savings_balance: asset(balances.savingsHive, 'HIVE', nai),
    hbd_balance: asset(balances.hbd, 'HBD', nai),
    savings_hbd_balance: asset(balances.savingsHbd, 'HBD', nai),
    reward_hive_balance: zero('HIVE'),
    reward_hbd_balance: zero('HBD'),
    reward_vesting_balance: zero('VESTS'),
    reward_vesting_hive: zero('HIVE'),
    vesting_shares: asset(balances.vests, 'VESTS', nai),
    delegated_vesting_shares: asset(delegatedOf(balances), 'VESTS', nai),
    received_vesting_shares: asset(balances.received, 'VESTS', nai),
    vesting_withdraw_rate: asset(balances.withdrawRate, 'VESTS', nai),
    next_vesting_withdrawal: balances.withdrawRate > 0n ? '2030-01-01T00:00:00' : '1969-12-31T23:59:59',
    withdrawn: 0,
    to_withdraw: Number(balances.withdrawRate * 13n),
    witnesses_voted_for: 0,
    witness_votes: [],
    post_count: 0,
    reputation: 0,
    pending_claimed_accounts: 0,
    governance_vote_expiration_ts: '2027-12-01T00:00:00',
  }
}
