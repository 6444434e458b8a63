import { HasError, type HasErrorOptions } from './HasError.js'

/** An argument was malformed (an account name, a link, a payload). */
export class HasInvalidArgumentError extends HasError<'invalid_argument'> {
  override readonly name = 'HasInvalidArgumentError' as const
  constructor(shortMessage = 'Invalid argument.', options: HasErrorOptions = {}) {
    super('invalid_argument', shortMessage, false, options)
  }
}
