import type { HasCancelledError } from './HasCancelledError'
import type { HasConnectionError } from './HasConnectionError'
import type { HasDecryptionError } from './HasDecryptionError'
import type { HasExpiredError } from './HasExpiredError'
import type { HasFailedError } from './HasFailedError'
import type { HasInvalidArgumentError } from './HasInvalidArgumentError'
import type { HasNotAuthenticatedError } from './HasNotAuthenticatedError'
import type { HasProtocolError } from './HasProtocolError'
import type { HasProtocolVersionError } from './HasProtocolVersionError'
import type { HasRejectedError } from './HasRejectedError'
import type { HasSessionExpiredError } from './HasSessionExpiredError'
import type { HasStorageError } from './HasStorageError'
import type { HasVerificationError } from './HasVerificationError'

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
