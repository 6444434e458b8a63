/** Which account and key role an operation needs, as the chain checks it (for the simulated chain failures). */
export interface RequiredAuthority {
  account: string
  role: 'posting' | 'active'
}

const str = (value: unknown) => (typeof value === 'string' ? value : '')
const first = (value: unknown) => (Array.isArray(value) ? str(value[0]) : '')

/** The authority a common operation needs; undefined for operations this devkit does not check. */
export function requiredAuthority(name: string, payload: Record<string, unknown>): RequiredAuthority | undefined {
  switch (name) {
    case 'vote':
      return { account: str(payload.voter), role: 'posting' }
    case 'comment':
      return { account: str(payload.author), role: 'posting' }
    case 'claim_reward_balance':
      return { account: str(payload.account), role: 'posting' }
    case 'custom_json':
      return first(payload.required_auths)
        ? { account: first(payload.required_auths), role: 'active' }
        : { account: first(payload.required_posting_auths), role: 'posting' }
    case 'transfer':
    case 'transfer_to_vesting':
      return { account: str(payload.from), role: 'active' }
    case 'delegate_vesting_shares':
      return { account: str(payload.delegator), role: 'active' }
    case 'account_witness_vote':
      return { account: str(payload.account), role: 'active' }
    default:
      return undefined
  }
}

/**
 * What the chain would answer when `signer` signs `ops` with its `keyType` key: undefined when it accepts them, else
 * the node's error text ("missing required posting authority: Missing Posting Authority bob"). An operation for another
 * account, or one needing the active key signed with the posting key, is refused, as on Hive.
 */
export function chainRejection(signer: string, keyType: 'posting' | 'active', ops: unknown[]): string | undefined {
  for (const op of ops) {
    if (!Array.isArray(op) || typeof op[0] !== 'string' || typeof op[1] !== 'object' || op[1] === null) return 'Assert Exception: invalid operation'
    const needed = requiredAuthority(op[0], op[1] as Record<string, unknown>)
    if (!needed) continue
    const covers = needed.account === signer && (needed.role === keyType || keyType === 'active')
    if (!covers) {
      const role = needed.role === 'active' ? 'Active' : 'Posting'
      return `missing required ${needed.role} authority: Missing ${role} Authority ${needed.account || '(none)'}`
    }
  }
  return undefined
}
