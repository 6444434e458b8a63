import type { HasDecryptionError } from '../core/errors/HasDecryptionError.js'
import type { HasErrorType } from '../core/errors/HasErrorType.js'
import type { HasNotAuthenticatedError } from '../core/errors/HasNotAuthenticatedError.js'
import type { HasSessionExpiredError } from '../core/errors/HasSessionExpiredError.js'
import type { HasStorageError } from '../core/errors/HasStorageError.js'
import type { HasVerificationError } from '../core/errors/HasVerificationError.js'

/** Every way a request to the wallet can end without a result; `switch (error.code)` narrows it. */
export type HasRequestErrorType = Exclude<
  HasErrorType,
  HasDecryptionError | HasNotAuthenticatedError | HasSessionExpiredError | HasStorageError | HasVerificationError
>

/** How a login can fail (a verified login also when its key does not prove the account). */
export type AuthenticateErrorType = HasRequestErrorType | HasVerificationError

/** How a sign or challenge request can fail: a request error, or no usable session. */
export type SessionRequestErrorType = HasRequestErrorType | HasNotAuthenticatedError | HasSessionExpiredError
