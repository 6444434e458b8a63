import { HasError, type HasErrorOptions } from './HasError.js'

/**
 * Why a login could not be verified: `key`, the key that signed does not prove the account (on chain, or by your
 * server's word); `server`, your server did not confirm it (it declined, could not be reached, or gave no nonce);
 * `nodes`, the Hive API nodes could not be reached or did not agree; `timeout`, the check outlived its deadline.
 */
export type HasVerificationReason = 'key' | 'server' | 'nodes' | 'timeout'

/** Options of HasVerificationError. */
export interface HasVerificationErrorOptions extends HasErrorOptions {
  reason?: HasVerificationReason
}

/** A login's signature checked out, but it was not verified: `reason` says what stood in the way. */
export class HasVerificationError extends HasError<'verification'> {
  override readonly name = 'HasVerificationError' as const
  /** What stood in the way (default `key`). */
  readonly reason: HasVerificationReason
  constructor(shortMessage = 'The login could not be verified.', options: HasVerificationErrorOptions = {}) {
    super('verification', shortMessage, true, options)
    this.reason = options.reason ?? 'key'
  }
}
