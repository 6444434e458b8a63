import { HasError, type HasErrorOptions } from './HasError.js'

/** A login's signature checked out, but its key does not prove the account (on chain, or by your server's verdict). */
export class HasVerificationError extends HasError<'verification'> {
  override readonly name = 'HasVerificationError' as const
  constructor(shortMessage = 'The login could not be verified.', options: HasErrorOptions = {}) {
    super('verification', shortMessage, true, options)
  }
}
