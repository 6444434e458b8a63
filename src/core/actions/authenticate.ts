import type { HasClient } from '../client/createHasClient.js'
import type { HasRequestErrorType } from '../errors/HasRequestErrorType.js'
import type { HasVerificationError } from '../errors/HasVerificationError.js'
import { normalizeAccountName } from '../protocol/accountName.js'
import type { KeyType } from '../protocol/constants.js'
import { createAuthRequest } from '../requestBuilders/authRequest.js'
import type { HasRequest, HasSession, RequestOptions } from '../types.js'

/** Parameters of a login. */
export interface AuthenticateParameters extends RequestOptions {
  account: string
  /** Ask the wallet to sign `message` with the account's key of `keyType` while logging in (proof of key). */
  challenge?: { keyType: KeyType; message: string }
  /**
   * Renew a session that holds a wallet token without a scan: a wallet that stored the token (Hive Keychain Mobile)
   * approves at once. Trade-off: the session keeps its auth_key instead of a fresh one, and Keychain keeps the token's
   * original expiry. If the wallet does not answer within `waitMs` (default 10 s), a normal login (fresh key, QR code)
   * follows in the same call. Without a session token, this is a normal login.
   */
  renew?: boolean | { waitMs?: number }
  /**
   * Check on chain, before the login counts, that the key that signed its challenge carries the account's authority
   * alone (`session.verified`). Without a `challenge`, a Sign in with Hive message for this page is signed (posting).
   * A key that does not qualify fails the login with HasVerificationError.
   */
  verify?: boolean
  /**
   * Your server's check of the signed login (a Sign in with Hive message): resolve true when it accepted the login
   * (and opened its session), else false or why not (`LoginVerdict`). The login counts only then; meanwhile its status
   * is `verifying`.
   */
  verifyLogin?: (login: { account: string; message: string; signature: string; publicKey: string }) => Promise<boolean | LoginVerdict>
  /** How long the check of a verified login may take before it fails (ms; default: what is left of the request's time, at least 5 s). */
  verifyTimeoutMs?: number
  /** The wallet to log in with: a connector's id among the client's `connectors` (default `hiveauth`, the relay). */
  connector?: string
}

/**
 * Your server's verdict on a login, when it says why not: `code` as verifyLogin's (`key_not_authorized`,
 * `nodes_disagree`, …, or `nodes_unreachable`) picks the words the user sees; `reason` is shown as your server's.
 */
export interface LoginVerdict {
  verified: boolean
  code?: string
  reason?: string
}

/** What a login resolves with: the new session. */
export type AuthenticateReturnType = HasSession

/** How a login can fail (a verified login also when its key does not prove the account). */
export type AuthenticateErrorType = HasRequestErrorType | HasVerificationError

/** Logs an account in through its wallet; resolves with the new session (`client.cancel(request.id)` gives up). */
export function authenticate(client: HasClient, parameters: AuthenticateParameters): HasRequest<AuthenticateReturnType> {
  return client.request(
    'auth',
    parameters?.account,
    (runtime) => {
      const account = normalizeAccountName(parameters.account)
      const { connector } = parameters
      if (connector !== undefined && connector !== 'hiveauth') return runtime.viaConnector('auth', connector, parameters)
      const renewing = parameters.renew ? runtime.renewable(parameters.account) : undefined
      return createAuthRequest(runtime.app, account, parameters, { authKeySecret: runtime.authKeySecret, renewing, chain: runtime.chain })
    },
    () => authenticate(client, { ...parameters, signal: undefined }),
  )
}
