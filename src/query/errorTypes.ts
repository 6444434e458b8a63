import type { HasDecryptionError } from '../core/errors/HasDecryptionError'
import type { HasErrorType } from '../core/errors/HasErrorType'
import type { HasNotAuthenticatedError } from '../core/errors/HasNotAuthenticatedError'
import type { HasSessionExpiredError } from '../core/errors/HasSessionExpiredError'
import type { HasStorageError } from '../core/errors/HasStorageError'
import type { HasVerificationError } from '../core/errors/HasVerificationError'

/** Every way a request to the wallet can end without a result; `switch (error.code)` narrows it. */
export type HasRequestErrorType = Exclude<
  HasErrorType,
  HasDecryptionError | HasNotAuthenticatedError | HasSessionExpiredError | HasStorageError | HasVerificationError
>

/** How a login can fail (a verified login also when its key does not prove the account). */
export type AuthenticateErrorType = HasRequestErrorType | HasVerificationError

/** How a sign or challenge request can fail: a request error, or no usable session. */
export type SessionRequestErrorType = HasRequestErrorType | HasNotAuthenticatedError | HasSessionExpiredError
