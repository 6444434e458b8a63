import { randomBytes } from '../crypto/randomBytes.js'

// The layout of a Sign in with Hive message alone, without the field rules: what the kit's own default login needs
// (its fields are known to be valid), kept apart so a page that only logs in does not load the rules.

/** The fields of a message as written (times as RFC 3339 strings). */
export interface LoginMessageFields {
  scheme?: string
  domain: string
  account: string
  uri: string
  version: '1'
  chainId: string
  nonce: string
  issuedAt: string
  statement?: string
  expirationTime?: string
  notBefore?: string
  requestId?: string
  resources?: readonly string[]
}

/** The labelled lines, in their fixed order. */
export const FIELDS = [
  ['URI', 'uri'],
  ['Version', 'version'],
  ['Chain ID', 'chainId'],
  ['Nonce', 'nonce'],
  ['Issued At', 'issuedAt'],
  ['Expiration Time', 'expirationTime'],
  ['Not Before', 'notBefore'],
  ['Request ID', 'requestId'],
] as const

/** Writes the message in EIP-4361's layout (two empty lines where there is no statement). */
export function formatLoginMessage(fields: LoginMessageFields): string {
  const origin = fields.scheme ? `${fields.scheme}://${fields.domain}` : fields.domain
  const lines = [`${origin} wants you to sign in with your Hive account:`, fields.account, '']
  lines.push(...(fields.statement !== undefined ? [fields.statement, ''] : ['']))
  for (const [label, field] of FIELDS) if (fields[field] !== undefined) lines.push(`${label}: ${fields[field]}`)
  if (fields.resources) lines.push('Resources:', ...fields.resources.map((r) => `- ${r}`))
  return lines.join('\n')
}

/** A nonce for a login message: 17 random letters and digits (about 100 bits). */
export function generateNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(17), (b) => alphabet[b % 62]).join('')
}
