import type { KeyType } from '../protocol/constants.js'
import { HasError, type HasErrorOptions } from './HasError.js'

/** Who reported a failure: the wallet (`*_err`, a nack that is not a refusal) or the relay (a generic `error`). */
export type HasFailureSource = 'wallet' | 'relay'

/** What failed, when the kit can tell. */
export type HasFailureReason =
  /** The wallet or relay reported an error (its text is in `details`). */
  | 'error'
  /** The wallet broadcast the transaction and the chain refused it (missing authority, RC): not a refusal. */
  | 'chain'
  /** The wallet cannot do what was asked (e.g. it signs where a memo should be decrypted). */
  | 'unsupported'
  /** The wallet answered without the key role asked for (`keyType`): it may not hold that key. */
  | 'missing_key'
  /** A newer request replaced this one in the wallet (Hive Keychain answers only the latest): try again. */
  | 'superseded'
  /** The wallet is not installed in this browser, or does not answer (an extension's worker asleep or crashed). */
  | 'not_installed'
  /** The wallet refused the request's form (Keychain's `incomplete`): not worth retrying as it is. */
  | 'invalid'
  /** The browser blocked the wallet's window (HiveSigner): allow pop-ups for this site, or start again from a click. */
  | 'blocked'

/** Options of HasFailedError. */
export interface HasFailedErrorOptions extends HasErrorOptions {
  retryable?: boolean
  reason?: HasFailureReason
  keyType?: KeyType
}

/** The wallet or the relay reported a failure, or answered in a way that cannot count as success. */
export class HasFailedError extends HasError<'failed'> {
  override readonly name = 'HasFailedError' as const
  /** Who reported the failure. */
  readonly source: HasFailureSource
  /** What failed. */
  readonly reason: HasFailureReason
  /** The key role a `missing_key` failure is about. */
  readonly keyType: KeyType | undefined
  constructor(source: HasFailureSource, shortMessage = 'The request failed.', options: HasFailedErrorOptions = {}) {
    super('failed', shortMessage, options.retryable ?? true, options)
    this.source = source
    this.reason = options.reason ?? 'error'
    this.keyType = options.keyType
  }
}
