import type { HasErrorType } from '../errors/HasErrorType.js'
import type { RequestKind } from '../protocol/messages.js'
import type { KeyType } from '../protocol/constants.js'
import type { PendingRequest } from '../types.js'
import { isTerminal, LIVE_STATUSES, type RequestStatus } from './statuses.js'

export { isLiveStatus, isTerminal, LIVE_STATUSES, TERMINAL_STATUSES, type RequestStatus, type TerminalStatus } from './statuses.js'

/** A request as the machine holds it: where it stands, and everything that changes with it. */
export interface RequestState {
  readonly id: number
  readonly kind: RequestKind
  readonly account: string
  readonly status: RequestStatus
  /** A login renewing a session by its token; an unanswered renewal falls back to a normal login, same id. */
  readonly renew?: true
  /** Sent in service mode (shown to the user: nothing to scan). */
  readonly service?: true
  /** A login that also signs a message, with this key role (shown to the user). */
  readonly signs?: KeyType
  /** Run by a wallet other than HiveAuth (its connector id), shown as such. */
  readonly connector?: string
  /** The relay the request frame went to (or the restored request lives on). */
  readonly host?: string
  /** The relay's id for it, once it said `*_wait`. */
  readonly uuid?: string
  /** When the current phase ends (ms epoch, local clock): the wallet's answer, or the check of a login. */
  readonly deadline?: number
  /** What a UI shows while the wallet can see it. */
  readonly pending?: PendingRequest
  /** Why a decrypted answer was ignored (told if the request then expires). */
  readonly ignored?: string
  /** The fingerprint of the wallet answer that ended it: spent, never accepted again in this session. */
  readonly answer?: string
  /** The approval's value (approved, or verifying). */
  readonly value?: unknown
  /** Why it did not succeed (every terminal status but approved). */
  readonly error?: HasErrorType
  /** Approved in the wallet after it was cancelled here. */
  readonly late?: true
}

/** What can happen to a request, with what each event brings. */
export type RequestEvent =
  /** The client starts opening a socket for it. */
  | { type: 'CONNECT' }
  /** The `*_req` frame left for `host`; it expires at `deadline` unless the relay says otherwise. */
  | { type: 'SEND'; host: string; deadline: number }
  /** The relay answered `*_wait`: the wallet can now see it. */
  | { type: 'WAIT'; uuid: string; host: string; deadline: number; deepLink: string }
  /** A request that was waiting before a reload is taken over, to be re-attached. */
  | { type: 'RESTORE'; uuid: string; host: string; deadline: number; deepLink: string }
  /** An answer that is not genuine (or already spent) arrived: the request keeps waiting. */
  | { type: 'IGNORE'; reason?: string }
  /** The wallet approved; the app checks the login (on chain, or on its server) until `deadline` before it counts. */
  | { type: 'VERIFY'; value: unknown; answer?: string; deadline: number }
  /** The wallet approved (and a login being verified passed its check, or it was cancelled here: it still signed). */
  | { type: 'ACK'; value: unknown; answer?: string }
  /** The wallet refused. */
  | { type: 'NACK'; error: HasErrorType; answer?: string }
  /** The wallet, the relay or the app's check reported a failure. */
  | { type: 'ERR'; error: HasErrorType }
  /** The deadline passed: a request the wallet has not answered expires, a login still being checked fails. */
  | { type: 'EXPIRE'; error: HasErrorType }
  /** The app gave up. */
  | { type: 'CANCEL'; error: HasErrorType }
  /** The socket closed under the request. */
  | { type: 'DROP'; error: HasErrorType }
  /** A new socket re-attached it. */
  | { type: 'ATTACHED' }

/** The name of an event. */
export type RequestEventType = RequestEvent['type']

type Row = Partial<Record<RequestStatus, RequestStatus>>
/** From any status before the end (a request can also fail or be cancelled before it started). */
const fromLive = (to: RequestStatus): Row => Object.fromEntries(['idle', ...LIVE_STATUSES].map((s) => [s, to]))
const waitingForWallet = (to: RequestStatus): Row => ({ requesting: to, waiting: to, reconnecting: to })

/** The whole machine: for each event, the status each status moves to. An event absent from a row changes nothing. */
export const REQUEST_TABLE: Readonly<Record<RequestEventType, Row>> = {
  CONNECT: { idle: 'connecting' },
  SEND: { idle: 'requesting', connecting: 'requesting' },
  WAIT: { requesting: 'waiting' },
  RESTORE: { idle: 'reconnecting' },
  IGNORE: { requesting: 'requesting', waiting: 'waiting', reconnecting: 'reconnecting' },
  VERIFY: waitingForWallet('verifying'),
  // A sign or challenge cancelled here is still listened to (the client's choice): the wallet's approval still signed.
  ACK: { ...waitingForWallet('approved'), verifying: 'approved', cancelled: 'approved' },
  NACK: waitingForWallet('rejected'),
  ERR: fromLive('failed'),
  // Once the answer is in, the deadline is the check's: a login that cannot be verified in time fails.
  EXPIRE: { ...fromLive('expired'), verifying: 'failed' },
  CANCEL: fromLive('cancelled'),
  DROP: { connecting: 'failed', requesting: 'failed', waiting: 'reconnecting' },
  ATTACHED: { reconnecting: 'waiting' },
}

/** Where a renewal (a login by its token) reads an event otherwise: unanswered, it starts over as a normal login. */
export const RENEWAL_TABLE: Readonly<Partial<Record<RequestEventType, Row>>> = {
  EXPIRE: waitingForWallet('connecting'),
}

/** The next status, or the same one when the event means nothing in this state (late or duplicate frames). */
export function transition(status: RequestStatus, event: RequestEventType, renew = false): RequestStatus {
  return next(status, event, renew) ?? status
}

/** The tables' next status (a renewal's own row first), or undefined when the event means nothing here. */
const next = (status: RequestStatus, event: RequestEventType, renew: boolean) =>
  (renew ? RENEWAL_TABLE[event]?.[status] : undefined) ?? REQUEST_TABLE[event][status]

/**
 * The one place a request changes: the table gives the next status, the event its data. Returns the same object when
 * the event means nothing in the request's state, so callers can tell "nothing happened" by identity.
 */
export function reduceRequest(request: RequestState, event: RequestEvent): RequestState {
  const status = next(request.status, event.type, request.renew === true)
  if (status === undefined) return request
  if (isTerminal(status)) return settle(request, status, event)
  switch (event.type) {
    case 'SEND':
      return { ...request, status, host: event.host, deadline: event.deadline }
    case 'WAIT':
    case 'RESTORE': {
      const { uuid, host, deadline, deepLink } = event
      const pending: PendingRequest = { kind: request.kind, uuid, account: request.account, expire: deadline, deepLink, host }
      if (request.renew) pending.renew = true
      if (request.service) pending.service = true
      if (request.signs) pending.signs = request.signs
      if (request.connector) pending.connector = request.connector
      return { ...request, status, uuid, host, deadline, pending }
    }
    case 'IGNORE':
      return event.reason && event.reason !== request.ignored ? { ...request, ignored: event.reason } : request
    case 'VERIFY':
      return { ...request, status, value: event.value, answer: event.answer, deadline: event.deadline }
    case 'EXPIRE':
      // Only a renewal's expiry leaves it live: it starts over as a normal login, same id, nothing of the renewal kept.
      return { id: request.id, kind: request.kind, account: request.account, status }
    default:
      return { ...request, status }
  }
}

/** A terminal state: an approval keeps its value, any other outcome the error that explains it (if the event has one). */
function settle(request: RequestState, status: RequestStatus, event: RequestEvent): RequestState {
  const { pending: _pending, deadline: _deadline, value, error: _error, ...rest } = request
  const answer = ('answer' in event && event.answer) || request.answer
  const ended: RequestState = answer ? { ...rest, status, answer } : { ...rest, status }
  if (status === 'approved') {
    const approved: RequestState = { ...ended, value: event.type === 'ACK' ? event.value : value }
    return request.status === 'cancelled' ? { ...approved, late: true } : approved
  }
  return 'error' in event ? { ...ended, error: event.error } : ended
}
