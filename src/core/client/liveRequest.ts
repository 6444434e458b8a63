import type { HasErrorType } from '../errors/HasErrorType.js'
import type { RequestEvent, RequestState } from '../machine/request.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import type { ConnectionState, HasSession, RequestSnapshot, SettledRequest } from '../types.js'
import type { ChangeNote } from './changeQueue.js'
import type { ConnectionPool } from './connectionPool.js'

/** One request the runner follows until it settles: the machine's state, and what the runner needs beside it. */
export interface LiveRequest {
  /** Changed only by the machine (`reduceRequest`). */
  state: RequestState
  /** How to send it and read its answers (replaced once, when a renewal falls back to a login). */
  spec: RequestSpec<unknown>
  /** The order in which request frames left, to pair each `*_wait` with the oldest request still without one. */
  sentSeq: number
  /** How many times its frame was sent again because the socket had just closed. */
  resends: number
  timer?: ReturnType<typeof setTimeout>
  /** Aborts the check of an approval when the request stops waiting for it. */
  verifying?: AbortController
  /** Aborts a connector's call (a wallet other than HiveAuth) when the request ends. */
  connector?: AbortController
  resolve(value: unknown): void
  reject(error: HasErrorType): void
}

/** One change of the runner, for the client to apply to its state (and storage) in a single update. */
export interface RunnerChange {
  requests: readonly RequestSnapshot[]
  connection: ConnectionState
  settled: SettledRequest[]
  sessions: HasSession[]
  /** Fingerprints of the wallet answers accepted in this change (spent from now on). */
  answers: string[]
  /** This client's waiting records, when they changed (to persist). */
  records?: RequestRecord[]
}

/** What a connector's request needs of the runner to move its machine (see connectors/startConnector.ts). */
export interface ConnectorRunner {
  dispatch(request: LiveRequest, event: RequestEvent): void
  batch(fn: () => void): void
  /** Until when a login's check may run. */
  verifyDeadline(request: LiveRequest): number
}

/**
 * What the runner's parts share (routeFrame reads frames, followChange follows changes, sendRequest sends): its
 * sockets, its indexes of requests, and its few actions. One object, made once by createRequestRunner.
 */
export interface RunnerParts {
  pool: ConnectionPool
  live: Map<number, LiveRequest>
  byUuid: Map<string, LiveRequest>
  /** Requests cancelled here whose wallet may still approve them, by uuid. */
  late: Map<string, LiveRequest>
  /** Hands an event to the machine (the one place a request changes). */
  dispatch(request: LiveRequest, event: RequestEvent): void
  batch(fn: () => void): void
  publish(note?: ChangeNote): void
  afterCommit(callback: () => void): void
  /** Keeps listening for the answer to a request cancelled here, until it would have expired. */
  listenLate(request: LiveRequest, uuid: string, until: number): void
  /** Closes the sockets of relays no request needs any more. */
  releaseUnused(): void
  /** Sends a HiveAuth request's frame (see sendRequest). */
  connectAndSend(request: LiveRequest): void
  /** Starts a request in its wallet (a connector's request: no relay). */
  startConnector(request: LiveRequest): void
  /** Whether an answer with this fingerprint was accepted before (by any request of any session). */
  isSpent(fingerprint: string): boolean
  /** The order in which request frames left: the next number. */
  nextSentSeq(): number
}
