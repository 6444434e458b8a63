import { type RequiredAuthority, requiredAuthorities } from '../core/hive/operationAuthority.js'

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
