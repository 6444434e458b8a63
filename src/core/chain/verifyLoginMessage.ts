import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import type { VerificationFailure } from './ChainVerification.js'
import { type ParsedLoginMessage, parseLoginMessage } from './loginMessage.js'
import { HIVE_MAINNET } from './loginMessageRules.js'
import type { ChainOptions } from './rpc.js'
import { verifyChallenge } from './verifyChallenge.js'

/** Parameters of verifyLoginMessage. */
export interface VerifyLoginMessageParameters extends ChainOptions {
  /** The message exactly as signed. */
  message: string
  /** The wallet's signature (130 lower-case hex characters, canonical). */
  signature: string
  /** Your domain (or domains), from your configuration, never from the request: the message must name one of them. */
  domain: string | readonly string[]
  /** The URI the message must name (e.g. `https://example.com/`), when you set one. */
  uri?: string
  /** The nonce you issued for this login (the server entry consumes it for you; see `verifyLogin`). */
  nonce?: string
  /** The time to check the validity window against (default: now). */
  time?: Date
  /** The chain the message must name (default: Hive mainnet). */
  chainId?: string
  /** A message without an Expiration Time is valid this long after it was issued (ms, default 10 minutes). */
  maxAgeMs?: number
  /** Clock skew tolerated between the signer and you (ms, default 60 s). */
  clockSkewMs?: number
}

/** What verifyLoginMessage found. */
export interface LoginVerification {
  valid: boolean
  /** Why not, as a code. */
  code?: VerificationFailure
  /** Why not, in English (for logs). */
  reason?: string
  account?: string
  publicKey?: string
  /** The signature as verified (only its canonical form verifies): what a replay cache should key on. */
  signature?: string
  /** The parsed message, when it parsed. */
  fields?: ParsedLoginMessage
}

/** Default maximum age of a message that carries no Expiration Time. */
export const DEFAULT_MAX_AGE_MS = 10 * 60_000
const DEFAULT_CLOCK_SKEW_MS = 60_000

/**
 * Verifies a Sign in with Hive message: its exact form, domain, URI, nonce, chain and time window, then on chain that
 * the signature comes from a key that carries the account's posting authority alone (two nodes agreeing). Too few
 * nodes answering throws HasConnectionError; every other problem is `valid: false` with a code. A server should use
 * `verifyLogin` from `hive-auth-react/server`, which also consumes the nonce.
 */
export async function verifyLoginMessage(params: VerifyLoginMessageParameters): Promise<LoginVerification> {
  let fields: ParsedLoginMessage
  try {
    fields = parseLoginMessage(params.message)
  } catch (error) {
    const reason = error instanceof HasInvalidArgumentError ? `${error.shortMessage} ${error.details ?? ''}`.trim() : 'malformed message'
    return { valid: false, code: 'malformed_message', reason }
  }
  const refuse = (code: VerificationFailure, reason: string): LoginVerification => ({ valid: false, code, account: fields.account, reason, fields })
  const domains = typeof params.domain === 'string' ? [params.domain] : params.domain
  if (!domains.includes(fields.domain)) return refuse('domain', `the message is for ${fields.domain}`)
  if (params.uri !== undefined && fields.uri !== params.uri) return refuse('uri', `the message is for ${fields.uri}, not ${params.uri}`)
  if (params.nonce !== undefined && fields.nonce !== params.nonce) return refuse('nonce', 'the nonce is not the one issued')
  if (fields.chainId !== (params.chainId ?? HIVE_MAINNET)) return refuse('chain_id', `the message is for chain ${fields.chainId}`)
  const window = timeProblem(fields, (params.time ?? new Date()).getTime(), params)
  if (window) return refuse(window.code, window.reason)
  const result = await verifyChallenge({
    ...params,
    account: fields.account,
    keyType: 'posting',
    message: params.message,
    signature: params.signature,
  })
  return { ...result, account: fields.account, fields, ...(result.valid ? { signature: params.signature } : {}) }
}

/** Why the message is not valid at `now` (with the skew tolerated), or undefined. */
function timeProblem(
  fields: ParsedLoginMessage,
  now: number,
  params: Pick<VerifyLoginMessageParameters, 'maxAgeMs' | 'clockSkewMs'>,
): { code: VerificationFailure; reason: string } | undefined {
  const skew = params.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS
  const issued = Date.parse(fields.issuedAt)
  if (issued > now + skew) return { code: 'not_yet_valid', reason: 'the message is issued in the future' }
  if (fields.notBefore && Date.parse(fields.notBefore) > now + skew) return { code: 'not_yet_valid', reason: 'the message is not valid yet' }
  const expires = fields.expirationTime ? Date.parse(fields.expirationTime) : issued + (params.maxAgeMs ?? DEFAULT_MAX_AGE_MS)
  if (now - skew >= expires) return { code: 'expired', reason: fields.expirationTime ? 'the message has expired' : 'the message is too old' }
  return undefined
}
