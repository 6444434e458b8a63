import type { RequestKind } from '../protocol/messages.js'
import { ignore } from '../request/ackOutcome.js'
import type { RequestSpec } from '../request/RequestSpec.js'

/** The spec of a request that failed before anything could be sent: nothing to send, no answer to read. */
export function unsentSpec<R>(kind: RequestKind, account: string): RequestSpec<R> {
  return { kind, account, key: '', record: { kind, account, key: '' }, deepLink: () => '', readAck: () => ignore }
}
