import { HasError, type HasErrorOptions } from './HasError'

/** The request expired before the wallet answered. */
export class HasExpiredError extends HasError<'expired'> {
  override readonly name = 'HasExpiredError' as const
  constructor(shortMessage = 'The request expired before the wallet answered.', options: HasErrorOptions & { retryable?: boolean } = {}) {
    super('expired', shortMessage, options.retryable ?? true, options)
  }
}
