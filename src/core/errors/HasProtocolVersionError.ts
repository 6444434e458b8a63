import { HasError, type HasErrorOptions } from './HasError.js'

/** Every relay tried speaks a protocol version this kit does not support. */
export class HasProtocolVersionError extends HasError<'protocol_version'> {
  override readonly name = 'HasProtocolVersionError' as const
  constructor(shortMessage = 'The HiveAuth server speaks an unsupported protocol version.', options: HasErrorOptions = {}) {
    super('protocol_version', shortMessage, false, options)
  }
}
