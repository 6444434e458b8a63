import { HasError, type HasErrorOptions } from './HasError.js'

/** The account's session has expired; log in again. */
export class HasSessionExpiredError extends HasError<'session_expired'> {
  override readonly name = 'HasSessionExpiredError' as const
  constructor(shortMessage = 'The session has expired; log in again.', options: HasErrorOptions = {}) {
    super('session_expired', shortMessage, false, options)
  }
}
