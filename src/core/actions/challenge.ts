import type { HasClient } from '../client/createHasClient.js'
import type { HasNotAuthenticatedError } from '../errors/HasNotAuthenticatedError.js'
import type { HasRequestErrorType } from '../errors/HasRequestErrorType.js'
import type { HasSessionExpiredError } from '../errors/HasSessionExpiredError.js'
import type { KeyType } from '../protocol/constants.js'
import { createChallengeRequest } from '../requestBuilders/challengeRequest.js'
import type { HasRequest, RequestOptions } from '../types.js'

/** Parameters of a challenge: sign a message, or (with `decrypt`) decrypt a Hive memo. */
export interface ChallengeParameters extends RequestOptions {
  account: string
  keyType: KeyType
  message: string
  decrypt?: boolean
}

/** A signed challenge: the key that signed, and the 65-byte compact signature in hex (checked against the message). */
export interface ChallengeResult {
  pubkey: string
  signature: string
}

/** A decrypted memo: the key that decrypted it (when the wallet says: Hive Keychain does not), and the plain text (without the memo's leading `#`). */
export interface DecryptResult {
  pubkey?: string
  text: string
}

/** What a challenge resolves with: a signature, or (with `decrypt`) a decrypted memo. */
export type ChallengeReturnType = ChallengeResult | DecryptResult

/** How a challenge can fail: a request error, or no usable session. */
export type ChallengeErrorType = HasRequestErrorType | HasNotAuthenticatedError | HasSessionExpiredError

/** Asks the wallet to sign a message (the signature is checked against it), or with `decrypt: true` to decrypt a memo. */
export function challenge(client: HasClient, parameters: ChallengeParameters & { decrypt?: false }): HasRequest<ChallengeResult>
export function challenge(client: HasClient, parameters: ChallengeParameters & { decrypt: true }): HasRequest<DecryptResult>
export function challenge(client: HasClient, parameters: ChallengeParameters): HasRequest<ChallengeReturnType>
export function challenge(client: HasClient, parameters: ChallengeParameters): HasRequest<ChallengeReturnType> {
  return client.request(
    'challenge',
    parameters?.account,
    (runtime) => {
      const session = runtime.session(parameters.account)
      if (session.connector) return runtime.viaConnector('challenge', session.connector, parameters, session)
      return createChallengeRequest(session, parameters, runtime.nonce(), Boolean(runtime.authKeySecret))
    },
    () => challenge(client, { ...parameters, signal: undefined }),
  )
}
