import { HasError, type HasErrorOptions } from './HasError.js'

/** What could not be reached: a HiveAuth relay, or a part of the kit's code that loads on first use. */
export type HasConnectionReason = 'relay' | 'code'

/** Options of HasConnectionError. */
export interface HasConnectionErrorOptions extends HasErrorOptions {
  /** Default `relay`. */
  reason?: HasConnectionReason
}

/** No HiveAuth relay could be reached or the connection was lost for good, or a part of the kit's code could not be fetched. */
export class HasConnectionError extends HasError<'connection'> {
  override readonly name = 'HasConnectionError' as const
  /** `code`: a part of the kit (a wallet's code, the request runner) could not be fetched; `relay`: the relay. */
  readonly reason: HasConnectionReason
  constructor(shortMessage = 'Could not connect to a HiveAuth server.', options: HasConnectionErrorOptions = {}) {
    super('connection', shortMessage, true, options)
    this.reason = options.reason ?? 'relay'
  }
}
