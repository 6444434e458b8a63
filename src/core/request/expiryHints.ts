import { HasExpiredError } from '../errors/HasExpiredError.js'
import type { RequestRecordDraft } from './RequestRecord.js'

/**
 * What a request's silence may mean, from what it asked: the expiry error of a service-mode request lists the reasons
 * a headless PKSA stays silent; an unanswered sign-only request may have been broadcast (so it is not retryable); a
 * request for a signature with a key role the wallet may not hold names that role.
 */
export function expiryFor(record: RequestRecordDraft): (ignored: string | undefined) => HasExpiredError {
  return (ignored) => {
    const details = ignored
    if (record.kind === 'sign' && record.broadcast === false) {
      return new HasExpiredError(
        'The wallet did not answer this sign-only request. Some wallets broadcast such a transaction anyway and never answer: check the chain before sending it again.',
        { hint: 'sign_only', retryable: false, details },
      )
    }
    if (record.service) {
      return new HasExpiredError(
        'The service-mode wallet did not answer. It stays silent when the shared secret is wrong, for transactions that need the active key, and when it lacks the key asked for.',
        { hint: 'service_mode', details },
      )
    }
    if (record.challenge && !record.challenge.decrypt) {
      const { keyType } = record.challenge
      return new HasExpiredError(`The wallet did not answer. It may not hold the ${keyType} key of @${record.account}.`, {
        hint: 'missing_key',
        keyType,
        details,
      })
    }
    return new HasExpiredError(undefined, { details })
  }
}
