import { HasCancelledError } from '../errors/HasCancelledError.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import { HasError } from '../errors/HasError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasExpiredError } from '../errors/HasExpiredError.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasRejectedError } from '../errors/HasRejectedError.js'
import type { RequestStatus } from '../machine/request.js'
import type { RequestSpec } from '../request/RequestSpec.js'

/** The error for an outcome the machine reached without one in hand (a timer, or an event that carries none). */
export function errorForOutcome(status: RequestStatus, spec: Pick<RequestSpec<unknown>, 'expired'>, ignored: string | undefined): HasErrorType {
  switch (status) {
    case 'expired':
      return spec.expired?.(ignored) ?? new HasExpiredError(undefined, { details: ignored })
    case 'cancelled':
      return new HasCancelledError()
    case 'rejected':
      return new HasRejectedError(false)
    default:
      return new HasFailedError('wallet')
  }
}

/** Any thrown value as a kit error (a socket's own exception becomes a connection error). */
export function asHasError(error: unknown): HasErrorType {
  return error instanceof HasError ? (error as HasErrorType) : new HasConnectionError(undefined, { cause: error })
}
