import { HasError, type HasErrorOptions } from './HasError.js'

/** What could not be reached: a HiveAuth relay, the Hive API nodes, or a part of the kit's code that loads on first use. */
export type HasConnectionReason = 'relay' | 'nodes' | 'code'

/** Options of HasConnectionError. */
export interface HasConnectionErrorOptions extends HasErrorOptions {
  /** Default `relay`. */
  reason?: HasConnectionReason
}

/** No HiveAuth relay (or not enough Hive API nodes) could be reached, or a part of the kit's code could not be fetched. */
export class HasConnectionError extends HasError<'connection'> {
  override readonly name = 'HasConnectionError' as const
  /** `relay`: the HiveAuth relay; `nodes`: the Hive API nodes; `code`: a part of the kit (a wallet's code, the runner). */
  readonly reason: HasConnectionReason
  constructor(shortMessage = 'Could not connect to a HiveAuth server.', options: HasConnectionErrorOptions = {}) {
    super('connection', shortMessage, true, options)
    this.reason = options.reason ?? 'relay'
  }
}
