import { HasError, type HasErrorOptions } from './HasError.js'

/** Options of HasCancelledError. */
export interface HasCancelledErrorOptions extends HasErrorOptions {
  /** The wallet had been sent the request: approving it there would still sign it. */
  walletMaySign?: boolean
}

/** The request was cancelled locally (the wallet may still act on it: see `walletMaySign`). */
export class HasCancelledError extends HasError<'cancelled'> {
  override readonly name = 'HasCancelledError' as const
  /**
   * Whether the wallet had been sent the request: it may still show it, and approving it there would still sign it
   * (the client keeps listening until it expires; an approval then lands in `state.last` with `late: true`).
   */
  readonly walletMaySign: boolean
  constructor(shortMessage = 'The request was cancelled.', options: HasCancelledErrorOptions = {}) {
    super('cancelled', shortMessage, true, options)
    this.walletMaySign = options.walletMaySign === true
  }
}
