import { HasError, type HasErrorOptions } from './HasError.js'

/** The wallet refused the request (a `*_nack`). */
export class HasRejectedError extends HasError<'rejected'> {
  override readonly name = 'HasRejectedError' as const
  /** True when the refusal carried the uuid encrypted with the auth key, proving it came from the wallet. */
  readonly verified: boolean
  constructor(verified: boolean, options: HasErrorOptions = {}) {
    super('rejected', 'The request was declined in the wallet.', true, options)
    this.verified = verified
  }
}
