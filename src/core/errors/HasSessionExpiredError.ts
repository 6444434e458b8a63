import { HasError, type HasErrorOptions } from './HasError'

/** The account's session has expired; log in again. */
export class HasSessionExpiredError extends HasError {
  override name = 'HasSessionExpiredError'
  constructor(shortMessage = 'The session has expired; log in again.', options: HasErrorOptions = {}) {
    super('session_expired', shortMessage, false, options)
  }
}
