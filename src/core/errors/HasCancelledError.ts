import { HasError, type HasErrorOptions } from './HasError'

/** The request was cancelled locally (the wallet may still act on it). */
export class HasCancelledError extends HasError {
  override name = 'HasCancelledError'
  constructor(shortMessage = 'The request was cancelled.', options: HasErrorOptions = {}) {
    super('cancelled', shortMessage, true, options)
  }
}
