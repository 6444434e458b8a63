import { VERSION } from '../version.js'
import type { HasErrorType } from './HasErrorType.js'

/** Machine-readable outcome of a failed HiveAuth operation. */
export type HasErrorCode =
  | 'rejected'
  | 'failed'
  | 'expired'
  | 'cancelled'
  | 'connection'
  | 'protocol'
  | 'protocol_version'
  | 'decryption'
  | 'not_authenticated'
  | 'session_expired'
  | 'invalid_argument'
  | 'storage'
  | 'verification'

/** Who wrote an error's `details`: the wallet, the relay, or your server. Absent when the kit wrote them. */
export type HasTextSource = 'wallet' | 'relay' | 'server'

/** Options every HiveAuth error accepts. */
export interface HasErrorOptions {
  /** Extra context: a host, a field name, or text quoted from the wallet or relay (then give `detailsSource`). */
  details?: string
  /** Marks `details` as someone else's words, shown as a quote, never as the dApp's; pass both with `quoted()`, which cleans the text. */
  detailsSource?: HasTextSource
  cause?: unknown
}

/** Base class of every error the kit throws or rejects with; `switch (error.code)` narrows to the subclass. */
export class HasError<Code extends HasErrorCode = HasErrorCode> extends Error {
  override name = 'HasError'
  /** What kind of outcome this is. */
  readonly code: Code
  /** One sentence for a person, without the details. */
  readonly shortMessage: string
  /** Extra context; when `detailsSource` is set, text from the wallet or relay (cleaned and at most 300 characters). */
  readonly details: string | undefined
  /** Who wrote `details`, when it was not the kit. */
  readonly detailsSource: HasTextSource | undefined
  /** Whether asking again may succeed (and is safe). */
  readonly retryable: boolean
  /** Where this error is explained: a row of docs/errors.md. */
  readonly docsPath: string
  /** The kit version that raised it. */
  readonly version = VERSION

  constructor(code: Code, shortMessage: string, retryable: boolean, options: HasErrorOptions = {}) {
    const details = options.details
    const quoted = details && options.detailsSource ? `The ${options.detailsSource} said: "${details}"` : details
    super([shortMessage, quoted && `Details: ${quoted}`, `Version: hive-auth-react@${VERSION}`].filter(Boolean).join('\n\n'), {
      cause: options.cause,
    })
    this.code = code
    this.shortMessage = shortMessage
    this.details = details
    this.detailsSource = details ? options.detailsSource : undefined
    this.retryable = retryable
    this.docsPath = `docs/errors.md#error-${code.replace(/_/g, '-')}`
  }

  /** Follows `cause` down: the first error `predicate` accepts (or null), or without one the deepest cause. */
  walk(predicate?: (error: unknown) => boolean): unknown {
    let error: unknown = this
    for (;;) {
      if (predicate?.(error)) return error
      const cause = typeof error === 'object' && error !== null && 'cause' in error ? error.cause : undefined
      if (cause === undefined) return predicate ? null : error
      error = cause
    }
  }
}

/** Narrows an unknown value (what a `catch` gets) to the kit's errors, so that `switch (error.code)` narrows further. */
export function isHasError(value: unknown): value is HasErrorType {
  return value instanceof HasError
}
