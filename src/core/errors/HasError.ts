/** Machine-readable outcome of a failed HiveAuth operation. */
export type HasErrorCode =
  | 'rejected'
  | 'failed'
  | 'expired'
  | 'cancelled'
  | 'connection'
  | 'protocol_version'
  | 'decryption'
  | 'not_authenticated'
  | 'session_expired'
  | 'invalid_argument'

/** Options every HiveAuth error accepts. */
export interface HasErrorOptions {
  details?: string
  cause?: unknown
}

/** Base class of every error the kit throws or rejects with. */
export class HasError extends Error {
  override name = 'HasError'
  /** What kind of outcome this is; switch on it rather than on the class. */
  readonly code: HasErrorCode
  /** One sentence for a person, without the details. */
  readonly shortMessage: string
  /** Extra context (a wallet's own error text, a host, a field name). */
  readonly details: string | undefined
  /** Whether asking again may succeed. */
  readonly retryable: boolean

  constructor(code: HasErrorCode, shortMessage: string, retryable: boolean, options: HasErrorOptions = {}) {
    super(options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage, { cause: options.cause })
    this.code = code
    this.shortMessage = shortMessage
    this.details = options.details
    this.retryable = retryable
  }
}

/** Narrows an unknown value to a HiveAuth error. */
export function isHasError(value: unknown): value is HasError {
  return value instanceof HasError
}
