import type { HasErrorType } from '../errors/HasErrorType.js'
import type { RequestEvent, RequestStatus } from '../machine/request.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import type { ConnectionState, HasSession, PendingRequest, RequestSnapshot, SettledRequest } from '../types.js'
import type { ConnectedInfo } from './hostLink.js'

/** One request the runner tracks until it settles. */
export interface LiveRequest {
  id: number
  spec: RequestSpec<unknown>
  status: RequestStatus
  /** The relay the request was sent to (or restored on). */
  host?: string
  uuid?: string
  pending?: PendingRequest
  timer?: ReturnType<typeof setTimeout>
  /** Why a decrypted answer was ignored (told if the request then expires). */
  ignored?: string
  resolve(value: unknown): void
  reject(error: HasErrorType): void
}

/** What an event carries: the approval's value, or the error that explains the outcome. */
export type EventPayload = { value: unknown } | { error: HasErrorType } | Record<string, never>

/** One change of the runner, for the client to apply to its state (and storage) in a single update. */
export interface RunnerChange {
  requests: readonly RequestSnapshot[]
  connection: ConnectionState
  settled: SettledRequest[]
  sessions: HasSession[]
  /** This client's waiting records, when they changed (to persist). */
  records?: RequestRecord[]
}

/** What the frame router needs of the runner. */
export type RunnerContext = {
  byUuid: Map<string, LiveRequest>
  awaitingWait: Map<string, LiveRequest[]>
  dispatch(request: LiveRequest, event: RequestEvent, payload?: EventPayload): void
  batch(fn: () => void): void
  /** Runs a callback of the app once the current change is committed, so it sees the state it is told about. */
  afterCommit(callback: () => void): void
  info(host: string): ConnectedInfo | undefined
  /** (Re)sets the request's deadline (ms epoch, local clock). */
  expireAt(request: LiveRequest, deadline: number): void
}
