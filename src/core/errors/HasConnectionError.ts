import { HasError, type HasErrorOptions } from './HasError.js'

/** No HiveAuth relay could be reached, or the connection was lost for good. */
export class HasConnectionError extends HasError<'connection'> {
  override readonly name = 'HasConnectionError' as const
  constructor(shortMessage = 'Could not connect to a HiveAuth server.', options: HasErrorOptions = {}) {
    super('connection', shortMessage, true, options)
  }
}
