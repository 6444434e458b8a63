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
 * The authorities an operation needs (hived's required posting/active/owner authorities); undefined for the few
 * operations the devkit does not simulate (account recovery, witness properties, reset accounts).
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

/** Hive's words for an authority that is missing ("missing required posting authority: Missing Posting Authority bob"). */
export function missingAuthorityText({ account, role }: RequiredAuthority): string {
  const title = role[0]!.toUpperCase() + role.slice(1)
  return `missing required ${role} authority: Missing ${title} Authority ${account || '(none)'}`
}

/**
 * What the chain would answer when `signer` signs `ops` with its `keyType` key: undefined when it accepts them, else
 * the node's error text. An operation for another account, or one needing a stronger key, is refused, as on Hive.
 */
export function chainRejection(signer: string, keyType: 'posting' | 'active', ops: unknown[]): string | undefined {
  for (const op of ops) {
    if (!Array.isArray(op) || typeof op[0] !== 'string' || typeof op[1] !== 'object' || op[1] === null) return 'Assert Exception: invalid operation'
    const needs = requiredAuthorities(op[0], op[1] as Record<string, unknown>)
    if (!needs) return `The devkit node does not simulate ${op[0]}.`
    const missing = needs.find((need) => need.account !== signer || need.role === 'owner' || (need.role === 'active' && keyType !== 'active'))
    if (missing) return missingAuthorityText(missing)
  }
  return undefined
}
