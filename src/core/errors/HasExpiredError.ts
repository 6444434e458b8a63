import type { KeyType } from '../protocol/constants.js'
import { HasError, type HasErrorOptions } from './HasError.js'

/** Why a wallet may have stayed silent, when the kit can tell: shown so the user knows what to check. */
export type HasExpiryHint =
  /** A sign-only request: some wallets broadcast it anyway and never answer. Not retryable. */
  | 'sign_only'
  /** The request needs a key role the wallet may not hold (`keyType`). */
  | 'missing_key'
  /** A service-mode PKSA is silent on a wrong secret, an active-key transaction or a key it lacks. */
  | 'service_mode'
  /** A browser wallet's window got no answer in time (it may be behind the page: its icon opens it). */
  | 'no_answer'
  /** The relay no longer holds the request (it restarted while away), however much time was left: try again. */
  | 'relay_lost'

/** Options of HasExpiredError. */
export interface HasExpiredErrorOptions extends HasErrorOptions {
  retryable?: boolean
  hint?: HasExpiryHint
  keyType?: KeyType
}

/** The request expired before the wallet answered. */
export class HasExpiredError extends HasError<'expired'> {
  override readonly name = 'HasExpiredError' as const
  /** What the silence may mean. */
  readonly hint: HasExpiryHint | undefined
  /** The key role a `missing_key` hint is about. */
  readonly keyType: KeyType | undefined
  constructor(shortMessage = 'The request expired before the wallet answered.', options: HasExpiredErrorOptions = {}) {
    super('expired', shortMessage, options.retryable ?? true, options)
    this.hint = options.hint
    this.keyType = options.keyType
  }
}
