import { verifyLoginMessage, type LoginVerification, type VerifyLoginMessageParameters } from '../core/chain/verifyLoginMessage.js'
import type { HasServerStore } from './HasServerStore.js'
import type { InFlightLimit } from './inFlightLimit.js'
import { consumeNonce, nonceKey } from './nonces.js'

/** Parameters of verifyLogin: those of verifyLoginMessage, with the store that holds the issued nonces. */
export interface VerifyLoginParameters extends Omit<VerifyLoginMessageParameters, 'nonce' | 'hasNonce'> {
  /** Where `issueNonce` kept the nonces: the message's nonce must be there, and is used up. */
  store: HasServerStore
  /** Bounds the verifications this process runs at once (share one): past it, `valid: false` with code `busy`. */
  limit?: InFlightLimit
}

/**
 * Verifies a login on a dApp's server: everything verifyLoginMessage checks (give `domain`, and `uri`, from your
 * configuration), with a nonce this store does not hold refused before any node is asked; then uses the nonce up,
 * atomically: the same message never logs in twice, on any instance sharing the store. Nodes that do not answer throw
 * HasConnectionError, a store that fails HasStorageError (createRedisStore); every other problem is `valid: false`
 * with a code.
 */
export async function verifyLogin(params: VerifyLoginParameters): Promise<LoginVerification> {
  if (!params.limit) return verifyNow(params)
  const result = await params.limit.tryRun(() => verifyNow(params))
  return result ?? { valid: false, code: 'busy', reason: `${params.limit.max} logins are being verified already; try again` }
}

async function verifyNow(params: VerifyLoginParameters): Promise<LoginVerification> {
  const { store, limit: _limit, ...checks } = params
  // A message whose nonce the store does not hold is refused before any node is asked; the nonce is used up last.
  const result = await verifyLoginMessage({ ...checks, hasNonce: async (nonce) => (await store.get(nonceKey(nonce))) !== undefined })
  if (!result.valid || !result.fields) return result
  // Last, so a failed check never burns a nonce; of two concurrent verifications of one message, only one gets it.
  if (await consumeNonce(store, result.fields.nonce)) return result
  const { signature: _signature, ...refused } = result
  return { ...refused, valid: false, code: 'nonce', reason: 'the nonce was not issued here, has expired, or was used already' }
}
