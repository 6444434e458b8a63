import { HasError, type HasErrorOptions } from './HasError.js'

/** The relay or the wallet sent something the protocol does not allow (a malformed uuid, transaction id or answer). */
export class HasProtocolError extends HasError<'protocol'> {
  override readonly name = 'HasProtocolError' as const
  constructor(shortMessage = 'The HiveAuth server or wallet broke the protocol.', options: HasErrorOptions & { retryable?: boolean } = {}) {
    super('protocol', shortMessage, options.retryable ?? false, options)
  }
}
