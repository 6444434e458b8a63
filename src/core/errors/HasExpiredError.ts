import { HasError, type HasErrorOptions } from './HasError'

/** The request expired before the wallet answered. */
export class HasExpiredError extends HasError {
  override name = 'HasExpiredError'
  constructor(shortMessage = 'The request expired before the wallet answered.', options: HasErrorOptions = {}) {
    super('expired', shortMessage, true, options)
  }
}
