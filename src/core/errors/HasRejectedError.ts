import type { KeyType } from '../protocol/constants.js'
import { HasError, type HasErrorOptions } from './HasError.js'

/**
 * Why a wallet said no: the user declined, or (Hive Keychain, which says "canceled by the user" for both) the user
 * declined or the wallet lacks the account or the key.
 */
export type HasRejectionReason = 'declined' | 'declined_or_missing_key'

/** The wallet refused the request (a `*_nack`, or an extension's refusal). */
export class HasRejectedError extends HasError<'rejected'> {
  override readonly name = 'HasRejectedError' as const
  /** True when the refusal carried the uuid encrypted with the auth key, proving it came from the wallet. */
  readonly verified: boolean
  /** What the refusal can mean. */
  readonly reason: HasRejectionReason
  /** The key role asked for, when the refusal may mean the wallet lacks it (`declined_or_missing_key`). */
  readonly keyType: KeyType | undefined
  constructor(verified: boolean, options: HasErrorOptions & { reason?: HasRejectionReason; keyType?: KeyType } = {}) {
    super('rejected', 'The request was declined in the wallet.', true, options)
    this.verified = verified
    this.reason = options.reason ?? 'declined'
    this.keyType = options.keyType
  }
}
