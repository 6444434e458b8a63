import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import type { VerificationFailure } from './ChainVerification.js'
import { type ParsedLoginMessage, parseLoginMessage } from './loginMessage.js'
import { HIVE_MAINNET } from './loginMessageRules.js'
import { configuredSite, siteOf } from './loginSite.js'
import type { ChainOptions } from './rpc.js'
import { verifyChallenge } from './verifyChallenge.js'

/** Parameters of verifyLoginMessage. */
export interface VerifyLoginMessageParameters extends ChainOptions {
  /** The message exactly as signed. */
  message: string
  /** The wallet's signature (130 lower-case hex characters, canonical). */
  signature: string
  /**
   * Your site (or sites), from your configuration, never from the request: an authority (`example.com`, meaning https)
   * or an origin (`http://localhost:3000`). The message's scheme and domain must name one of them.
   */
  domain: string | readonly string[]
  /** The URI the message must name (e.g. `https://example.com/`), when you set one. */
  uri?: string
  /** The nonce you issued for this login (the server entry consumes it for you; see `verifyLogin`). */
  nonce?: string
  /**
   * Whether you hold the message's nonce, asked after the cheap checks and before any node is: a message whose nonce
   * you never issued costs you no API call. It must not use the nonce up (verifyLogin does that last).
   */
  hasNonce?: (nonce: string) => boolean | Promise<boolean>
  /** The time to check the validity window against (default: now). */
  time?: Date
  /** The chain the message must name (default: Hive mainnet). */
  chainId?: string
  /** The longest a message is valid after its Issued At, whatever its Expiration Time says (ms, default 10 minutes, at most an hour). */
  maxAgeMs?: number
  /** Clock skew tolerated between the signer and you (ms, default 60 s, at most 5 minutes). */
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

/** Default maximum age of a message (its lifetime can be shorter, never longer). */
export const DEFAULT_MAX_AGE_MS = 10 * 60_000
const DEFAULT_CLOCK_SKEW_MS = 60_000
/** The standard's bounds on a relying party's settings: an hour of life, five minutes of skew. */
const MAX_MAX_AGE_MS = 3600_000
const MAX_CLOCK_SKEW_MS = 300_000

/**
 * Verifies a Sign in with Hive message in the order docs/sign-in-with-hive.md fixes: its exact form, site, URI, chain,
 * time window and nonce (no node asked yet), then on chain that the signature comes from a key that carries the
 * account's posting authority alone (two nodes agreeing). Too few nodes answering throws HasConnectionError; every other
 * problem is `valid: false` with a code. A server should use `verifyLogin` from `hive-auth-react/server`, which also
 * consumes the nonce.
 */
export async function verifyLoginMessage(params: VerifyLoginMessageParameters): Promise<LoginVerification> {
  const { maxAgeMs = DEFAULT_MAX_AGE_MS, clockSkewMs = DEFAULT_CLOCK_SKEW_MS } = params
  if (!(maxAgeMs > 0 && maxAgeMs <= MAX_MAX_AGE_MS)) throw new HasInvalidArgumentError('maxAgeMs must be more than 0 and at most an hour.')
  if (!(clockSkewMs >= 0 && clockSkewMs <= MAX_CLOCK_SKEW_MS)) throw new HasInvalidArgumentError('clockSkewMs must be 0 to five minutes.')
  let fields: ParsedLoginMessage
  try {
    fields = parseLoginMessage(params.message)
  } catch (error) {
    // Stryker disable next-line StringLiteral,MethodExpression: parseLoginMessage throws HasInvalidArgumentError only, always with details
    const reason = error instanceof HasInvalidArgumentError ? `${error.shortMessage} ${error.details ?? ''}`.trim() : 'malformed message'
    return { valid: false, code: 'malformed_message', reason }
  }
  const refuse = (code: VerificationFailure, reason: string): LoginVerification => ({ valid: false, code, account: fields.account, reason, fields })
  const sites = (typeof params.domain === 'string' ? [params.domain] : params.domain).map(configuredSite)
  const site = siteOf(fields.scheme, fields.domain)
  if (!sites.includes(site)) return refuse('domain', `the message is for ${site}`)
  if (params.uri !== undefined && fields.uri !== params.uri) return refuse('uri', `the message is for ${fields.uri}, not ${params.uri}`)
  if (fields.chainId !== (params.chainId ?? HIVE_MAINNET)) return refuse('chain_id', `the message is for chain ${fields.chainId}`)
  const window = timeProblem(fields, (params.time ?? new Date()).getTime(), maxAgeMs, clockSkewMs)
  if (window) return refuse(window.code, window.reason)
  if (params.nonce !== undefined && fields.nonce !== params.nonce) return refuse('nonce', 'the nonce is not the one issued')
  if (params.hasNonce && !(await params.hasNonce(fields.nonce)))
    return refuse('nonce', 'the nonce was not issued here, has expired, or was used already')
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
  maxAgeMs: number,
  skew: number,
): { code: VerificationFailure; reason: string } | undefined {
  const issued = Date.parse(fields.issuedAt)
  if (issued > now + skew) return { code: 'not_yet_valid', reason: 'the message is issued in the future' }
  if (fields.notBefore && Date.parse(fields.notBefore) > now + skew) return { code: 'not_yet_valid', reason: 'the message is not valid yet' }
  // The Expiration Time can shorten a message's life, never make it longer than the maximum age.
  const oldest = issued + maxAgeMs
  const expiration = fields.expirationTime ? Date.parse(fields.expirationTime) : Number.POSITIVE_INFINITY
  if (now - skew < Math.min(oldest, expiration)) return undefined
  return { code: 'expired', reason: expiration <= oldest ? 'the message has expired' : 'the message is older than the maximum age' }
}
