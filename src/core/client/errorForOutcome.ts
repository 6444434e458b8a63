import { HasCancelledError } from '../errors/HasCancelledError'
import type { HasErrorType } from '../errors/HasErrorType'
import { HasExpiredError } from '../errors/HasExpiredError'
import { HasFailedError } from '../errors/HasFailedError'
import { HasRejectedError } from '../errors/HasRejectedError'
import type { RequestStatus } from '../machine/request'

/** The error for an outcome the machine reached without one in hand (a timer, or an event whose payload is its value). */
export function errorForOutcome(status: RequestStatus, ignoredAnswer?: string): HasErrorType {
  switch (status) {
    case 'expired':
      return new HasExpiredError(undefined, { details: ignoredAnswer })
    case 'cancelled':
      return new HasCancelledError()
    case 'rejected':
      return new HasRejectedError(false)
    default:
      return new HasFailedError('wallet')
  }
}
