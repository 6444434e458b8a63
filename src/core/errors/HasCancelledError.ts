import { HasError, type HasErrorOptions } from './HasError.js'

/** The request was cancelled locally (the wallet may still act on it). */
export class HasCancelledError extends HasError<'cancelled'> {
  override readonly name = 'HasCancelledError' as const
  constructor(shortMessage = 'The request was cancelled.', options: HasErrorOptions = {}) {
    super('cancelled', shortMessage, true, options)
  }
}
