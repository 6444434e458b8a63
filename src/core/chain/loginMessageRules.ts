import { checkAccountName } from '../protocol/accountName.js'

// The field rules of a Sign in with Hive message (EIP-4361's grammar, with Hive's account names and CAIP-2 chain ids).

/** RFC 3986 scheme. */
export const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/
/**
 * RFC 3986 authority as EIP-4361 uses it: an ASCII host name (IDNs as A-labels, no trailing dot) or IP literal, and an
 * optional port written without leading zeros (0–65535).
 */
const DOMAIN =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\[[0-9A-Fa-f:.]+\])(?::(?:0|[1-9]\d{0,4}))?$/
const MAX_PORT = 65_535
/** An RFC 3986 URI: a scheme, then only the characters a URI may hold (ASCII, no space). */
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/
/** EIP-4361's nonce: at least 8 letters and digits. */
const NONCE = /^[A-Za-z0-9]{8,128}$/
/** EIP-4361's request id: RFC 3986 `pchar`s. */
const REQUEST_ID = /^[A-Za-z0-9\-._~%!$&'()*+,;=:@]{0,256}$/
/** A CAIP-2 reference in the `hive` namespace: exactly 32 lower-case hexadecimal characters. */
const HIVE_CHAIN_ID = /^[0-9a-f]{32}$/
/** RFC 3339 date-time, upper-case T and Z (a lower-case `t` or `z` is refused: one spelling per instant's form). */
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|([+-])(\d{2}):(\d{2}))$/
/**
 * The statement's closed list of characters: letters, marks, numbers, punctuation, symbols and space separators
 * (Unicode general categories L, M, N, P, S, Zs). Everything else is out: controls (CR, LF, NUL…), format characters
 * (bidi controls, zero-width characters, tag characters U+E0000–E007F), line and paragraph separators, private use,
 * unassigned code points and lone surrogates. Default-ignorable code points (which draw nothing, such as U+3164 HANGUL
 * FILLER or the variation selectors) and U+FFFD (a lossy decoding's mark) are out too.
 */
const STATEMENT_CHARACTER = /(?![\p{Default_Ignorable_Code_Point}\ufffd])[\p{L}\p{M}\p{N}\p{P}\p{S}\p{Zs}]/u // tested on one code point
/** The longest statement, in Unicode code points. */
export const MAX_STATEMENT_CODE_POINTS = 1024
/** The longest message, in Unicode code points. */
export const MAX_MESSAGE_CODE_POINTS = 4096

export { HIVE_MAINNET } from './defaultNodes.js'
/** Hive's mirror net (a test network that copies mainnet). */
export const HIVE_MIRRORNET = '42000000000000000000000000000000'

/** The message's time fields, which take an RFC 3339 string or a Date. */
export const TIME_FIELDS = ['issuedAt', 'expirationTime', 'notBefore'] as const

/** Why a field breaks the rules, or undefined when it keeps them. */
export type FieldCheck = (value: unknown) => string | undefined

const pattern =
  (re: RegExp, what: string): FieldCheck =>
  (value) =>
    typeof value === 'string' && re.test(value) ? undefined : what

/** The rule of each field. */
export const FIELD_RULES = {
  scheme: pattern(SCHEME, 'scheme must be a URI scheme such as https'),
  domain: (value) =>
    typeof value === 'string' && DOMAIN.test(value) && portOf(value) <= MAX_PORT
      ? undefined
      : 'domain must be a host and optional port, e.g. example.com',
  account: (value) => (typeof value === 'string' && !checkAccountName(value) ? undefined : 'account must be a Hive account name'),
  uri: pattern(URI, 'uri must be an RFC 3986 URI'),
  nonce: pattern(NONCE, 'nonce must be 8 to 128 letters and digits'),
  version: (value) => (value === '1' ? undefined : 'version must be 1'),
  chainId: pattern(HIVE_CHAIN_ID, 'chain id must be 32 lower-case hexadecimal characters (a Hive CAIP-2 reference)'),
  statement: (value) =>
    typeof value === 'string' && isStatement(value) ? undefined : 'statement must be one line of visible text (1 to 1024 characters)',
  requestId: pattern(REQUEST_ID, 'request id must be RFC 3986 path characters'),
  issuedAt: (value) => (isDateTime(value) ? undefined : 'issued at must be an RFC 3339 date-time'),
  expirationTime: (value) => (isDateTime(value) ? undefined : 'expiration time must be an RFC 3339 date-time'),
  notBefore: (value) => (isDateTime(value) ? undefined : 'not before must be an RFC 3339 date-time'),
  resources: (value) =>
    Array.isArray(value) && value.length <= 64 && value.every((r) => typeof r === 'string' && URI.test(r)) ? undefined : 'resources must be URIs',
} satisfies Record<string, FieldCheck>

/** Whether `value` is an RFC 3339 date-time naming a real instant (no 30 February, no hour 24). */
export function isDateTime(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE_TIME.exec(value) : null
  if (!m) return false
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
  if (!days || day < 1 || day > days || hour > 23 || minute > 59 || second > 59) return false
  // These checks are the rule, not the engine's Date.parse (V8 takes 30 February as 2 March).
  return !(m[9] && (Number(m[10]) > 23 || Number(m[11]) > 59))
}

/** A statement: 1 to 1024 code points from the closed list, not starting or ending with a space. */
function isStatement(value: string): boolean {
  const characters = [...value]
  if (characters.length === 0 || characters.length > MAX_STATEMENT_CODE_POINTS) return false
  if (/\p{Zs}/u.test(characters[0]!) || /\p{Zs}/u.test(characters[characters.length - 1]!)) return false
  return characters.every((character) => STATEMENT_CHARACTER.test(character))
}

/** The port of an authority (0 without one). */
function portOf(authority: string): number {
  const port = /:(\d+)$/.exec(authority)
  return port ? Number(port[1]) : 0
}
