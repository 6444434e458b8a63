import { randomBytes } from '../crypto/randomBytes.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { checkAccountName } from '../protocol/accountName.js'

/** Hive mainnet's CAIP-2 reference (its chain id): CAIP-10 accounts are `hive:beeab0de000000000000000000000000:<name>`. */
export const HIVE_MAINNET = 'beeab0de000000000000000000000000'

/** A Sign in with Hive message (CAIP-122, in the layout of EIP-4361). */
export interface LoginMessage {
  /** The site asking (an RFC 4501 authority: host and optional port, e.g. `example.com`). */
  domain: string
  account: string
  /** The resource the login is for (RFC 3986 URI). */
  uri: string
  /** At least 8 letters and digits, chosen by the server. */
  nonce: string
  /** One line for the user to read. */
  statement?: string
  /** RFC 3339 times. */
  issuedAt?: string
  expirationTime?: string
  notBefore?: string
  requestId?: string
  resources?: readonly string[]
  /** `1`. */
  version?: '1'
  /** The CAIP-2 reference of the chain (default: Hive mainnet). */
  chainId?: string
}

const FIELDS = [
  ['URI', 'uri'],
  ['Version', 'version'],
  ['Chain ID', 'chainId'],
  ['Nonce', 'nonce'],
  ['Issued At', 'issuedAt'],
  ['Expiration Time', 'expirationTime'],
  ['Not Before', 'notBefore'],
  ['Request ID', 'requestId'],
] as const
const REQUIRED = new Set(['uri', 'version', 'chainId', 'nonce', 'issuedAt'])
const DOMAIN = /^[A-Za-z0-9.-]+(:\d{1,5})?$/
const NONCE = /^[A-Za-z0-9]{8,}$/
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** A nonce for a login message: 17 random letters and digits (about 100 bits). */
export function generateNonce(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
  return Array.from(randomBytes(17), (b) => alphabet[b % 62]).join('')
}

/** Writes a Sign in with Hive message; HasInvalidArgumentError for a field that could make it ambiguous. */
export function createLoginMessage(message: LoginMessage): string {
  const full = { version: '1' as const, chainId: HIVE_MAINNET, issuedAt: new Date().toISOString(), ...message }
  check(full)
  const lines = [`${full.domain} wants you to sign in with your Hive account:`, full.account, '']
  if (full.statement !== undefined) lines.push(full.statement, '')
  for (const [label, field] of FIELDS) if (full[field] !== undefined) lines.push(`${label}: ${full[field]}`)
  if (full.resources?.length) lines.push('Resources:', ...full.resources.map((r) => `- ${r}`))
  return lines.join('\n')
}

/** Reads a Sign in with Hive message back; HasInvalidArgumentError when it is not one, exactly. */
export function parseLoginMessage(text: string): LoginMessage & { version: '1'; chainId: string; issuedAt: string } {
  const bad = (why: string) => new HasInvalidArgumentError('Not a Sign in with Hive message.', { details: why })
  if (typeof text !== 'string' || text.length > 8192) throw bad('not a string of at most 8192 characters')
  const lines = text.split('\n')
  const header = /^(.+) wants you to sign in with your Hive account:$/.exec(lines[0] ?? '')
  if (!header || lines[2] !== '') throw bad('header')
  const message: Record<string, unknown> = { domain: header[1], account: lines[1] }
  let i = 3
  if (lines[i] !== undefined && !lines[i]!.startsWith('URI: ')) {
    message.statement = lines[i]
    if (lines[i + 1] !== '') throw bad('statement')
    i += 2
  }
  for (const [label, field] of FIELDS) {
    if (lines[i]?.startsWith(`${label}: `)) message[field] = lines[i++]!.slice(label.length + 2)
  }
  if (lines[i] === 'Resources:') {
    message.resources = lines.slice(i + 1).map((line) => {
      if (!line.startsWith('- ')) throw bad('resources')
      return line.slice(2)
    })
    i = lines.length
  }
  if (i !== lines.length) throw bad(`unexpected line ${i + 1}`)
  for (const field of REQUIRED) if (typeof message[field] !== 'string') throw bad(`no ${field}`)
  const parsed = message as unknown as LoginMessage & { version: '1'; chainId: string; issuedAt: string }
  check(parsed)
  return parsed
}

function check(message: LoginMessage) {
  const bad = (why: string) => new HasInvalidArgumentError(`Invalid login message: ${why}.`)
  if (!DOMAIN.test(message.domain ?? '')) throw bad('domain must be a host, e.g. example.com')
  if (typeof message.account !== 'string' || checkAccountName(message.account)) throw bad('account must be a Hive account name')
  if (typeof message.uri !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(message.uri)) throw bad('uri must be a URI')
  if (!NONCE.test(message.nonce ?? '')) throw bad('nonce must be at least 8 letters and digits')
  if (message.version !== undefined && message.version !== '1') throw bad('version must be 1')
  if (message.chainId !== undefined && !/^[-a-zA-Z0-9]{1,32}$/.test(message.chainId)) throw bad('chain id')
  if (message.statement !== undefined && (message.statement.includes('\n') || message.statement.length === 0))
    throw bad('statement must be one non-empty line')
  for (const field of ['issuedAt', 'expirationTime', 'notBefore'] as const) {
    const value = message[field]
    if (value !== undefined && (!RFC3339.test(value) || Number.isNaN(Date.parse(value)))) throw bad(`${field} must be an RFC 3339 time`)
  }
  if (message.requestId !== undefined && /[\n]/.test(message.requestId)) throw bad('request id must be one line')
  if (message.resources?.some((r) => typeof r !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(r))) throw bad('resources must be URIs')
}
