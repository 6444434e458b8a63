import type { HasCancelledError } from '../core/errors/HasCancelledError'
import type { HasConnectionError } from '../core/errors/HasConnectionError'
import type { HasExpiredError } from '../core/errors/HasExpiredError'
import type { HasFailedError } from '../core/errors/HasFailedError'
import type { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError'
import type { HasNotAuthenticatedError } from '../core/errors/HasNotAuthenticatedError'
import type { HasProtocolError } from '../core/errors/HasProtocolError'
import type { HasProtocolVersionError } from '../core/errors/HasProtocolVersionError'
import type { HasRejectedError } from '../core/errors/HasRejectedError'
import type { HasSessionExpiredError } from '../core/errors/HasSessionExpiredError'

/** Every way a request to the wallet can end without a result; `switch (error.code)` narrows it. */
export type HasRequestErrorType =
  | HasRejectedError
  | HasFailedError
  | HasExpiredError
  | HasCancelledError
  | HasConnectionError
  | HasProtocolError
  | HasProtocolVersionError
  | HasInvalidArgumentError

/** How a login can fail. */
export type AuthenticateErrorType = HasRequestErrorType

/** How a sign or challenge request can fail: a request error, or no usable session. */
export type SessionRequestErrorType = HasRequestErrorType | HasNotAuthenticatedError | HasSessionExpiredError
