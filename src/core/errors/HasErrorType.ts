import type { HasCancelledError } from './HasCancelledError.js'
import type { HasConnectionError } from './HasConnectionError.js'
import type { HasDecryptionError } from './HasDecryptionError.js'
import type { HasExpiredError } from './HasExpiredError.js'
import type { HasFailedError } from './HasFailedError.js'
import type { HasInvalidArgumentError } from './HasInvalidArgumentError.js'
import type { HasNotAuthenticatedError } from './HasNotAuthenticatedError.js'
import type { HasProtocolError } from './HasProtocolError.js'
import type { HasProtocolVersionError } from './HasProtocolVersionError.js'
import type { HasRejectedError } from './HasRejectedError.js'
import type { HasSessionExpiredError } from './HasSessionExpiredError.js'
import type { HasStorageError } from './HasStorageError.js'
import type { HasVerificationError } from './HasVerificationError.js'

/** Every error class of the kit: `switch (error.code)` on this union narrows to one class and its fields. */
export type HasErrorType =
  | HasRejectedError
  | HasFailedError
  | HasExpiredError
  | HasCancelledError
  | HasConnectionError
  | HasProtocolError
  | HasProtocolVersionError
  | HasDecryptionError
  | HasNotAuthenticatedError
  | HasSessionExpiredError
  | HasInvalidArgumentError
  | HasStorageError
  | HasVerificationError
