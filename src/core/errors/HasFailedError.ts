import { HasError, type HasErrorOptions } from './HasError'

/** Who reported a failure: the wallet (`*_err`) or the relay (a generic `error` message). */
export type HasFailureSource = 'wallet' | 'relay'

/** The wallet or the relay reported an error (an `*_err` or a server `error` message). */
export class HasFailedError extends HasError<'failed'> {
  override readonly name = 'HasFailedError' as const
  /** Who reported the failure. */
  readonly source: HasFailureSource
  constructor(source: HasFailureSource, shortMessage = 'The request failed.', options: HasErrorOptions & { retryable?: boolean } = {}) {
    super('failed', shortMessage, options.retryable ?? true, options)
    this.source = source
  }
}
