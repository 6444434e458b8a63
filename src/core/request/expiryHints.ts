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
      return new HasExpiredError('No answer to a sign-only request: it may have been broadcast anyway; check the chain before resending.', {
        hint: 'sign_only',
        retryable: false,
        details,
      })
    }
    if (record.service) {
      return new HasExpiredError(
        'The service-mode wallet did not answer: it is silent on a wrong secret, an active key request, or a key it lacks.',
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
