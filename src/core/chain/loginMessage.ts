import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { FIELDS, formatLoginMessage } from './loginMessageFormat.js'
import { FIELD_RULES, HIVE_MAINNET, MAX_MESSAGE_CODE_POINTS } from './loginMessageRules.js'

export { HIVE_MAINNET, HIVE_MIRRORNET } from './loginMessageRules.js'

/** A Sign in with Hive message (CAIP-122 in the `hive` namespace, in EIP-4361's layout; see docs/sign-in-with-hive.md). */
export interface LoginMessage {
  /** The scheme of the site's origin, when the message names it (`https`); without it https is meant. */
  scheme?: string
  /** The site asking (an RFC 3986 authority: host and optional port, e.g. `example.com`). */
  domain: string
  account: string
  /** The resource the login is for (an RFC 3986 URI). */
  uri: string
  /** 8 to 128 letters and digits, chosen by the server. */
  nonce: string
  /** One line for the user to read. */
  statement?: string
  /** RFC 3339 times (a Date is written as one). */
  issuedAt?: string | Date
  expirationTime?: string | Date
  notBefore?: string | Date
  requestId?: string
  resources?: readonly string[]
  /** `1`. */
  version?: '1'
  /** The CAIP-2 reference of the chain (default: Hive mainnet). */
  chainId?: string
}

/** A message as parsed: every field a string, the required ones present. */
export type ParsedLoginMessage = Omit<LoginMessage, 'issuedAt' | 'expirationTime' | 'notBefore' | 'version' | 'chainId'> & {
  version: '1'
  chainId: string
  issuedAt: string
  expirationTime?: string
  notBefore?: string
}

const REQUIRED = 5 // URI, Version, Chain ID, Nonce, Issued At: always, in this order
const HEADER = / wants you to sign in with your Hive account:$/

export { generateNonce } from './loginMessageFormat.js'

/** Writes a Sign in with Hive message; HasInvalidArgumentError for a field that breaks the format. */
export function createLoginMessage(message: LoginMessage): string {
  const { issuedAt = new Date(), expirationTime, notBefore, ...rest } = message
  const stamp = (value: string | Date) => (value instanceof Date ? dateTime(value) : value)
  const full: ParsedLoginMessage = { version: '1', chainId: HIVE_MAINNET, ...rest, issuedAt: stamp(issuedAt) }
  // Stryker disable next-line ConditionalExpression: an absent time and one set to undefined are written alike
  if (expirationTime !== undefined) full.expirationTime = stamp(expirationTime)
  // Stryker disable next-line ConditionalExpression: as above
  if (notBefore !== undefined) full.notBefore = stamp(notBefore)
  check(full)
  const text = formatLoginMessage(full)
  if (codePoints(text) > MAX_MESSAGE_CODE_POINTS)
    throw new HasInvalidArgumentError(`Invalid login message: longer than ${MAX_MESSAGE_CODE_POINTS} characters.`)
  return text
}

/** Reads a Sign in with Hive message back; HasInvalidArgumentError (with `details`) when it is not one, exactly. */
export function parseLoginMessage(text: string): ParsedLoginMessage {
  const bad = (why: string) => new HasInvalidArgumentError('Not a Sign in with Hive message.', { details: why })
  // The length in UTF-16 units first: a huge text is refused before it is walked code point by code point.
  // Stryker disable next-line ConditionalExpression: a cost guard; the code-point count refuses the same texts
  if (typeof text !== 'string' || text.length > 2 * MAX_MESSAGE_CODE_POINTS || codePoints(text) > MAX_MESSAGE_CODE_POINTS)
    throw bad(`not a string of at most ${MAX_MESSAGE_CODE_POINTS} characters`)
  const lines = text.split('\n')
  const header = lines[0] as string // split always gives one
  if (!HEADER.test(header) || lines[2] !== '') throw bad('header')
  const origin = header.replace(HEADER, '')
  const schemeAt = origin.indexOf('://')
  const message: Record<string, unknown> =
    schemeAt < 0 ? { domain: origin } : { scheme: origin.slice(0, schemeAt), domain: origin.slice(schemeAt + 3) }
  message.account = lines[1]
  let i = 3
  if (lines[i] !== '') {
    message.statement = lines[i]
    i++
  }
  if (lines[i++] !== '') throw bad('the blank line before the fields')
  for (const [index, [label, field]] of FIELDS.entries()) {
    const line = lines[i]
    if (line?.startsWith(`${label}: `)) {
      message[field] = line.slice(label.length + 2)
      i++
    } else if (index < REQUIRED) throw bad(`no ${label} line`)
  }
  if (lines[i] === 'Resources:') {
    message.resources = lines.slice(i + 1).map((line) => {
      if (!line.startsWith('- ')) throw bad('resources')
      return line.slice(2)
    })
    i = lines.length
  }
  if (i !== lines.length) throw bad(`unexpected line ${i + 1}`)
  const parsed = message as ParsedLoginMessage
  try {
    check(parsed)
  } catch (error) {
    // Stryker disable next-line StringLiteral: check throws HasInvalidArgumentError only; 'invalid field' is for safety
    throw bad(error instanceof HasInvalidArgumentError ? error.shortMessage : 'invalid field')
  }
  return parsed
}

/** The length of a text in Unicode code points (a lone surrogate counts as one; the field rules refuse it). */
function codePoints(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}

/** A Date as RFC 3339 (HasInvalidArgumentError for an invalid Date). */
function dateTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new HasInvalidArgumentError('Invalid login message: an invalid Date.')
  return date.toISOString()
}

function check(message: ParsedLoginMessage) {
  for (const [field, rule] of Object.entries(FIELD_RULES)) {
    const value = (message as unknown as Record<string, unknown>)[field]
    const optional = ['scheme', 'statement', 'requestId', 'expirationTime', 'notBefore', 'resources'].includes(field)
    if (value === undefined && optional) continue
    const problem = rule(value)
    if (problem) throw new HasInvalidArgumentError(`Invalid login message: ${problem}.`)
  }
}
