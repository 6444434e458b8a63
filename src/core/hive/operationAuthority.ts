/** An account and the key role an operation needs from it, as hived checks it. */
export interface RequiredAuthority {
  account: string
  role: 'posting' | 'active' | 'owner'
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')
const names = (value: unknown) => (Array.isArray(value) ? value.map(str) : [])

const ACTIVE_OF: Record<string, string> = {
  transfer: 'from',
  transfer_to_vesting: 'from',
  withdraw_vesting: 'account',
  limit_order_create: 'owner',
  limit_order_create2: 'owner',
  limit_order_cancel: 'owner',
  feed_publish: 'publisher',
  convert: 'owner',
  collateralized_convert: 'owner',
  account_create: 'creator',
  account_create_with_delegation: 'creator',
  witness_update: 'owner',
  account_witness_vote: 'account',
  account_witness_proxy: 'account',
  set_withdraw_vesting_route: 'from_account',
  claim_account: 'creator',
  create_claimed_account: 'creator',
  request_account_recovery: 'recovery_account',
  escrow_transfer: 'from',
  escrow_approve: 'who',
  escrow_dispute: 'who',
  escrow_release: 'who',
  transfer_to_savings: 'from',
  transfer_from_savings: 'from',
  cancel_transfer_from_savings: 'from',
  delegate_vesting_shares: 'delegator',
  create_proposal: 'creator',
  update_proposal_votes: 'voter',
  remove_proposal: 'proposal_owner',
  update_proposal: 'creator',
  recurrent_transfer: 'from',
}
const POSTING_OF: Record<string, string> = {
  vote: 'voter',
  comment: 'author',
  delete_comment: 'author',
  comment_options: 'author',
  claim_reward_balance: 'account',
}
const OWNER_OF: Record<string, string> = { decline_voting_rights: 'account', change_recovery_account: 'account_to_recover' }

/**
 * The authorities an operation needs (hived's required posting/active/owner authorities); undefined for operations
 * whose authorities this table does not know (account recovery, witness properties, reset accounts, unknown ones).
 */
export function requiredAuthorities(name: string, payload: Record<string, unknown>): RequiredAuthority[] | undefined {
  const one = (account: unknown, role: RequiredAuthority['role']) => [{ account: str(account), role }]
  if (name in POSTING_OF) return one(payload[POSTING_OF[name]!], 'posting')
  if (name in ACTIVE_OF) return one(payload[ACTIVE_OF[name]!], 'active')
  if (name in OWNER_OF) return one(payload[OWNER_OF[name]!], 'owner')
  switch (name) {
    case 'custom_json':
      return [
        ...names(payload.required_auths).map((account) => ({ account, role: 'active' as const })),
        ...names(payload.required_posting_auths).map((account) => ({ account, role: 'posting' as const })),
      ]
    case 'custom':
      return names(payload.required_auths).map((account) => ({ account, role: 'active' as const }))
    case 'account_update':
      return one(payload.account, payload.owner ? 'owner' : 'active')
    case 'account_update2': {
      const role = payload.owner ? 'owner' : payload.active || payload.memo_key || payload.json_metadata ? 'active' : 'posting'
      return one(payload.account, role)
    }
    default:
      return undefined
  }
}

/** The strongest key an operation needs (`owner` for key changes), or undefined when it is not known. */
export function operationKeyType(operation: readonly [string, Record<string, unknown>]): RequiredAuthority['role'] | undefined {
  const needs = requiredAuthorities(operation[0], operation[1])
  if (!needs || needs.length === 0) return undefined
  return needs.some((n) => n.role === 'owner') ? 'owner' : needs.some((n) => n.role === 'active') ? 'active' : 'posting'
}
