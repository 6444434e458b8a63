/** Where a HiveAuth request stands. Booleans such as "is waiting" are derived from this, never stored. */
export type RequestStatus =
  | 'idle'
  | 'connecting'
  | 'requesting'
  | 'waiting'
  | 'reconnecting'
  | 'verifying'
  | 'approved'
  | 'rejected'
  | 'failed'
  | 'expired'
  | 'cancelled'

/** What can happen to a request. */
export type RequestEvent =
  | 'CONNECT' // the client starts opening a socket for it
  | 'SEND' // the *_req frame left
  | 'WAIT' // the relay answered *_wait: the wallet can now see it
  | 'VERIFY' // the wallet approved; the app checks the login (on chain, or on its server) before it counts
  | 'ACK' // the wallet approved (and, for a login being verified, the check passed)
  | 'NACK' // the wallet refused
  | 'ERR' // the wallet or the relay reported an error
  | 'EXPIRE' // the deadline passed
  | 'CANCEL' // the app gave up
  | 'DROP' // the socket closed while the request was live
  | 'ATTACHED' // a new socket re-attached it
  | 'RESTORE' // a request that was waiting before a reload is taken over, to be re-attached

/** The states a request ends in. */
export const TERMINAL_STATUSES: readonly RequestStatus[] = ['approved', 'rejected', 'failed', 'expired', 'cancelled']

const LIVE: readonly RequestStatus[] = ['idle', 'connecting', 'requesting', 'waiting', 'reconnecting', 'verifying']

const TABLE: Record<RequestEvent, Partial<Record<RequestStatus, RequestStatus>>> = {
  CONNECT: { idle: 'connecting' },
  SEND: { idle: 'requesting', connecting: 'requesting' },
  WAIT: { requesting: 'waiting' },
  VERIFY: { requesting: 'verifying', waiting: 'verifying', reconnecting: 'verifying' },
  ACK: { requesting: 'approved', waiting: 'approved', reconnecting: 'approved', verifying: 'approved' },
  NACK: { requesting: 'rejected', waiting: 'rejected', reconnecting: 'rejected' },
  ERR: fromLive('failed'),
  // The answer is in: the relay's deadline no longer applies while the app verifies it.
  EXPIRE: withoutVerifying(fromLive('expired')),
  CANCEL: fromLive('cancelled'),
  DROP: { connecting: 'failed', requesting: 'failed', waiting: 'reconnecting' },
  ATTACHED: { reconnecting: 'waiting' },
  RESTORE: { idle: 'reconnecting' },
}

/** The next status, or the same one when the event means nothing in this state (late or duplicate frames). */
export function transition(status: RequestStatus, event: RequestEvent): RequestStatus {
  return TABLE[event][status] ?? status
}

/** Whether a request in this status is finished. */
export function isTerminal(status: RequestStatus): boolean {
  return TERMINAL_STATUSES.includes(status)
}

function fromLive(to: RequestStatus): Partial<Record<RequestStatus, RequestStatus>> {
  return Object.fromEntries(LIVE.map((s) => [s, to]))
}

function withoutVerifying(row: Partial<Record<RequestStatus, RequestStatus>>): Partial<Record<RequestStatus, RequestStatus>> {
  const { verifying: _verifying, ...rest } = row
  return rest
}
