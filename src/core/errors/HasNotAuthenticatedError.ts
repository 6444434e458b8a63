import { HasError, type HasErrorOptions } from './HasError.js'

/** There is no session for the account; log in first. */
export class HasNotAuthenticatedError extends HasError<'not_authenticated'> {
  override readonly name = 'HasNotAuthenticatedError' as const
  constructor(shortMessage = 'This account is not logged in.', options: HasErrorOptions = {}) {
    super('not_authenticated', shortMessage, false, options)
  }
}
