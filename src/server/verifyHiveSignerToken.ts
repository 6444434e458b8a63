import type { ChainVerification } from '../core/chain/ChainVerification.js'
import { getHiveAccount } from '../core/chain/hiveAccounts.js'
import type { ChainOptions } from '../core/chain/rpc.js'
import { authorityProblem } from '../core/chain/verifyChallenge.js'
import { readHiveSignerToken } from '../core/connectors/hiveSignerToken.js'
import { recoverPublicKey } from '../core/crypto/signatures.js'
import { checkAccountName } from '../core/protocol/accountName.js'
import type { HasServerStore } from './HasServerStore.js'

/** Parameters of verifyHiveSignerToken. */
export interface VerifyHiveSignerTokenParameters extends ChainOptions {
  /** The access token HiveSigner handed your callback page (the session's `token`). */
  token: unknown
  /** Your app's Hive account: the token must authorise it. */
  app: string
  /** How old the token may be (ms; default 10 minutes, at most 7 days: HiveSigner's own lifetime). */
  maxAgeMs?: number
  /** Where used tokens are remembered (by signature) until they are too old anyway: none logs in twice. */
  store?: HasServerStore
  /** The time to check against (ms epoch; default now). */
  now?: number
}

/** What a HiveSigner token proves, when it is valid: that `account`'s key authorised your app at `issuedAt`. */
export interface HiveSignerTokenVerification extends ChainVerification {
  account?: string
  /** When the token was signed (ISO 8601). */
  issuedAt?: string
  /** Always `app_authorisation`: the token names neither your site nor a nonce, unlike a Sign in with Hive message. */
  proves?: 'app_authorisation'
}

const SKEW_MS = 5 * 60_000
const MAX_AGE_MS = 7 * 24 * 3600_000
const ROLES = ['posting', 'active', 'owner'] as const

/**
 * Verifies a HiveSigner access token on a dApp's server: its form, your app, its age, the key its signature recovers
 * is a posting, active or owner key of the account (with weight enough to sign alone, as two nodes agree), and with a
 * store, that it is used once. Weaker than verifyLogin: anyone holding the token can present it, and it names no site
 * and no nonce, so keep `maxAgeMs` short and the store on. Nodes that do not answer throw HasConnectionError.
 */
export async function verifyHiveSignerToken(params: VerifyHiveSignerTokenParameters): Promise<HiveSignerTokenVerification> {
  const maxAgeMs = params.maxAgeMs ?? 10 * 60_000
  if (!(maxAgeMs > 0 && maxAgeMs <= MAX_AGE_MS)) throw new RangeError('maxAgeMs must be above 0 and at most 7 days')
  const token = readHiveSignerToken(params.token)
  if (!token) return { valid: false, code: 'malformed_message', reason: 'not a HiveSigner token' }
  if (checkAccountName(token.account)) return { valid: false, code: 'invalid_account', reason: 'not a valid Hive account name' }
  const refuse = (code: HiveSignerTokenVerification['code'], reason: string, publicKey?: string): HiveSignerTokenVerification => ({
    valid: false,
    code,
    reason,
    account: token.account,
    ...(publicKey ? { publicKey } : {}),
  })
  if (token.app !== params.app) return refuse('domain', `the token is for @${token.app.slice(0, 16)}`)
  const now = params.now ?? Date.now()
  const issued = token.timestamp * 1000
  if (issued > now + SKEW_MS) return refuse('not_yet_valid', 'the token is issued in the future')
  if (now - issued > maxAgeMs) return refuse('expired', 'the token is older than the maximum age')
  let publicKey: string
  try {
    publicKey = recoverPublicKey(token.signedText, token.signature)
  } catch {
    return refuse('malformed_signature', 'malformed signature')
  }
  const lookup = await getHiveAccount(token.account, params)
  if ('disagreed' in lookup) return refuse('nodes_disagree', `the nodes disagree about @${token.account}`, publicKey)
  if (!lookup.account) return refuse('unknown_account', `@${token.account} does not exist`, publicKey)
  const { account } = lookup
  if (ROLES.every((role) => authorityProblem(account, role, publicKey))) {
    return refuse('key_not_authorized', `the key is not a posting, active or owner key of @${token.account} that signs alone`, publicKey)
  }
  if (params.store && !(await params.store.add(`hivesigner-token:${token.signature}`, '1', maxAgeMs + SKEW_MS))) {
    return refuse('nonce', 'the token was used already', publicKey)
  }
  return { valid: true, account: token.account, publicKey, issuedAt: new Date(issued).toISOString(), proves: 'app_authorisation' }
}
