import type { HasClient } from '../client/createHasClient.js'
import type { HasNotAuthenticatedError } from '../errors/HasNotAuthenticatedError.js'
import type { HasRequestErrorType } from '../errors/HasRequestErrorType.js'
import type { HasSessionExpiredError } from '../errors/HasSessionExpiredError.js'
import { createSignRequest } from '../requestBuilders/signRequest.js'
import type { HasRequest, RequestOptions } from '../types.js'

/** A Hive operation in condenser form, e.g. `['vote', { voter, author, permlink, weight }]`. */
export type HiveOperation = [name: string, payload: Record<string, unknown>]

/** Parameters of a transaction request. */
export interface SignParameters extends RequestOptions {
  account: string
  keyType: 'posting' | 'active'
  ops: HiveOperation[]
  /**
   * `false`: sign only, return the signed transaction without broadcasting. Through HiveAuth it needs `allowSignOnly`
   * on the client: only the documented protocol honours it; the service PKSA refuses it; Hive Keychain Mobile
   * broadcasts the transaction anyway and never answers; the HiveAuth app never answers. An unanswered sign-only
   * request ends in `expired` that is not retryable (it may be on chain). Through the browser wallets (Keychain,
   * Keeper, Peak Vault) it is their `requestSignTx`, checked as HiveAuth's answer is; HiveSigner cannot.
   */
  broadcast?: boolean
}

/** What the wallet returned: a transaction id when it broadcast, a signed transaction when it did not. */
export interface SignResult {
  broadcast: boolean
  txid?: string
  tx?: Record<string, unknown>
}

/** What a sign request resolves with. */
export type SignReturnType = SignResult

/** How a sign request can fail: a request error, or no usable session. */
export type SignErrorType = HasRequestErrorType | HasNotAuthenticatedError | HasSessionExpiredError

/** Asks the wallet to sign (and by default broadcast) operations with a logged-in account. */
export function sign(client: HasClient, parameters: SignParameters): HasRequest<SignReturnType> {
  return client.request(
    'sign',
    parameters?.account,
    (runtime) => {
      const session = runtime.session(parameters.account)
      if (session.connector) return runtime.viaConnector('sign', session.connector, parameters, session)
      return createSignRequest(session, parameters, runtime.nonce(), {
        allowSignOnly: runtime.allowSignOnly,
        serviceMode: Boolean(runtime.authKeySecret),
        chain: runtime.chain,
      })
    },
    () => sign(client, { ...parameters, signal: undefined }),
  )
}
