import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { type LoginMessage, parseLoginMessage } from './loginMessage.js'
import type { ChainOptions } from './rpc.js'
import { verifyChallenge } from './verifyChallenge.js'

/** Parameters of verifyLoginMessage. */
export interface VerifyLoginMessageParameters extends ChainOptions {
  /** The message exactly as signed. */
  message: string
  /** The wallet's signature (130 hex characters). */
  signature: string
  /** Your domain: the message must name it (a message made for another site does not log in here). */
  domain: string
  /** The nonce you issued for this login, when you keep one (recommended: it makes a signature single-use). */
  nonce?: string
  /** The time to check the validity window against (default: now). */
  time?: Date
  /** The chain the message must name (default: Hive mainnet). */
  chainId?: string
}

/** What verifyLoginMessage found. */
export interface LoginVerification {
  valid: boolean
  account?: string
  publicKey?: string
  reason?: string
  /** The parsed message, when it parsed. */
  fields?: LoginMessage
}

/**
 * Verifies a Sign in with Hive message: its form, domain, nonce, chain and time window, then on chain that the
 * signature comes from a key that carries the account's posting authority alone. Nodes that all fail throw
 * HasConnectionError; every other problem is `valid: false` with a reason.
 */
export async function verifyLoginMessage(params: VerifyLoginMessageParameters): Promise<LoginVerification> {
  let fields: ReturnType<typeof parseLoginMessage>
  try {
    fields = parseLoginMessage(params.message)
  } catch (error) {
    return {
      valid: false,
      reason: error instanceof HasInvalidArgumentError ? `${error.shortMessage} ${error.details ?? ''}`.trim() : 'malformed message',
    }
  }
  const refuse = (reason: string): LoginVerification => ({ valid: false, account: fields.account, reason, fields })
  if (fields.domain !== params.domain) return refuse(`the message is for ${fields.domain}, not ${params.domain}`)
  if (params.nonce !== undefined && fields.nonce !== params.nonce) return refuse('the nonce is not the one issued')
  if (fields.chainId !== (params.chainId ?? 'beeab0de000000000000000000000000')) return refuse(`the message is for chain ${fields.chainId}`)
  const now = (params.time ?? new Date()).getTime()
  if (fields.expirationTime && now >= Date.parse(fields.expirationTime)) return refuse('the message has expired')
  if (fields.notBefore && now < Date.parse(fields.notBefore)) return refuse('the message is not valid yet')
  if (Date.parse(fields.issuedAt) > now + 5 * 60_000) return refuse('the message is issued in the future')
  const result = await verifyChallenge({
    ...params,
    account: fields.account,
    keyType: 'posting',
    message: params.message,
    signature: params.signature,
  })
  return { ...result, account: fields.account, fields }
}
