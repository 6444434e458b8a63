import type { HasDecryptionError } from './HasDecryptionError.js'
import type { HasErrorType } from './HasErrorType.js'
import type { HasNotAuthenticatedError } from './HasNotAuthenticatedError.js'
import type { HasSessionExpiredError } from './HasSessionExpiredError.js'
import type { HasStorageError } from './HasStorageError.js'
import type { HasVerificationError } from './HasVerificationError.js'

/** Every way a request to the wallet can end without a result; `switch (error.code)` narrows it. */
export type HasRequestErrorType = Exclude<
  HasErrorType,
  HasDecryptionError | HasNotAuthenticatedError | HasSessionExpiredError | HasStorageError | HasVerificationError
>
