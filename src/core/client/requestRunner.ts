import { HasCancelledError } from '../errors/HasCancelledError'
import { HasConnectionError } from '../errors/HasConnectionError'
import { HasError } from '../errors/HasError'
import type { HasErrorType } from '../errors/HasErrorType'
import { isTerminal, type RequestEvent, type RequestStatus, transition } from '../machine/request'
import type { RequestKind } from '../protocol/messages'
import type { RequestRecord } from '../request/RequestRecord'
import type { RequestSpec } from '../request/RequestSpec'
import type { ConnectionState, HasRequest, HasSession, PendingRequest, RequestSnapshot, SettledRequest, WebSocketConstructor } from '../types'
import { createChangeQueue } from './changeQueue'
import { type ConnectionPool, createConnectionPool } from './connectionPool'
import { describeConnection, recordsOf, snapshotRequests } from './describeRequests'
import { errorForOutcome } from './errorForOutcome'
import type { ConnectedInfo } from './hostLink'
import { routeFrame } from './routeFrame'
import { scheduleAt } from './schedule'

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

export interface RequestRunnerOptions {
  hosts: readonly string[]
  WebSocket: WebSocketConstructor | undefined
  connectTimeoutMs: number
  reconnectDelaysMs: readonly number[]
  /** Receives each change once (batched: a drop that touches ten requests is one change). */
  commit(change: RunnerChange): void
  /** Written into records so a reload of this tab, and no other tab, takes the answers over. */
  tab?: string
}

/** Runs requests: every event goes through the request machine, whose table decides each outcome. */
export function createRequestRunner(options: RequestRunnerOptions) {
  const live = new Map<number, LiveRequest>()
  const byUuid = new Map<string, LiveRequest>()
  const awaitingWait = new Map<string, LiveRequest[]>()
  let nextId = 1
  let closed = false
  let timeout = 60
  const queue = createChangeQueue((change) => {
    const info = pool.info(pool.primary())
    if (info) timeout = info.timeoutMs / 1000
    options.commit({
      requests: snapshotRequests(live.values()),
      connection: describeConnection(pool, live.values(), closed, timeout),
      settled: change.settled,
      sessions: change.sessions,
      records: change.records ? recordsOf(live.values(), options.tab) : undefined,
    })
  })
  const { batch, publish } = queue

  const pool: ConnectionPool = createConnectionPool({
    ...options,
    onMessage: (host, message) => batch(() => routeFrame(context, host, message)),
    onDrop: (host) => batch(() => handleDrop(host)),
    onReattached: (host) => sendAttach(host),
  })

  /** The one place a request changes: the machine's table gives the next status, and a terminal one settles it. */
  function dispatch(request: LiveRequest, event: RequestEvent, payload: EventPayload = {}) {
    if (!live.has(request.id)) return
    const next = transition(request.status, event)
    if (next === request.status) return
    request.status = next
    if (!isTerminal(next)) return publish({ records: event === 'WAIT' || event === 'RESTORE' })
    clearTimeout(request.timer)
    live.delete(request.id)
    if (request.uuid) byUuid.delete(request.uuid)
    if (request.host)
      awaitingWait.set(
        request.host,
        (awaitingWait.get(request.host) ?? []).filter((r) => r !== request),
      )
    const { kind, account } = request.spec
    const settled: SettledRequest = { id: request.id, kind, account, status: next as SettledRequest['status'] }
    let session: HasSession | undefined
    if (next === 'approved' && 'value' in payload) {
      settled.result = payload.value
      session = request.spec.sessionOf?.(payload.value)
    } else {
      settled.error = 'error' in payload ? payload.error : errorForOutcome(next, request.ignored)
    }
    publish({ settled, session, records: Boolean(request.uuid) })
    if (request.host && ![...live.values()].some((r) => r.host === request.host && r.status === 'reconnecting')) pool.stopReattach(request.host)
    pool.release(new Set([...live.values()].flatMap((r) => (r.host ? [r.host] : []))))
    if (settled.error) request.reject(settled.error)
    else request.resolve(settled.result)
  }

  function track<R>(spec: RequestSpec<R>, start: (request: LiveRequest) => void): HasRequest<R> {
    const id = nextId++
    const promise = new Promise<R>((resolve, reject) => {
      if (closed) return reject(new HasCancelledError('The client was closed.'))
      if (spec.signal?.aborted) return reject(new HasCancelledError())
      const onAbort = () => batch(() => dispatch(request, 'CANCEL', { error: new HasCancelledError() }))
      const request: LiveRequest = {
        id,
        spec: spec as RequestSpec<unknown>,
        status: 'idle',
        resolve: (value) => {
          spec.signal?.removeEventListener('abort', onAbort)
          resolve(value as R)
        },
        reject: (error) => {
          spec.signal?.removeEventListener('abort', onAbort)
          reject(error)
        },
      }
      spec.signal?.addEventListener('abort', onAbort, { once: true })
      live.set(id, request)
      batch(() => start(request))
    })
    return Object.assign(promise, { id })
  }

  function send(request: LiveRequest, info: ConnectedInfo) {
    if (!live.has(request.id) || !request.spec.message) return
    request.host = info.host
    try {
      pool.send(info.host, request.spec.message)
    } catch (error) {
      return dispatch(request, 'DROP', { error: asHasError(error) })
    }
    awaitingWait.set(info.host, [...(awaitingWait.get(info.host) ?? []), request])
    request.timer = scheduleAt(Date.now() + info.timeoutMs, () =>
      batch(() => dispatch(request, 'EXPIRE', { error: errorForOutcome('expired', request.ignored) })),
    )
    dispatch(request, 'SEND')
  }

  function handleDrop(host: string) {
    for (const request of awaitingWait.get(host) ?? []) {
      dispatch(request, 'DROP', { error: new HasConnectionError('The connection was lost before the server took the request.') })
    }
    awaitingWait.delete(host)
    const waiting = [...live.values()].filter((r) => r.host === host && r.uuid)
    for (const request of waiting) dispatch(request, 'DROP')
    if (waiting.some((r) => r.status === 'reconnecting')) pool.reattach(host)
    publish()
  }

  function sendAttach(host: string) {
    batch(() => {
      for (const request of live.values()) {
        if (request.host !== host || request.status !== 'reconnecting' || !request.uuid) continue
        try {
          pool.send(host, { cmd: 'attach_req', uuid: request.uuid })
        } catch {
          return // dropped again: the drop handler has scheduled the next attempt
        }
      }
      publish()
    })
  }

  const context: RunnerContext = {
    byUuid,
    awaitingWait,
    dispatch,
    batch,
    afterCommit: queue.afterCommit,
    info: (host) => pool.info(host),
  }

  return {
    /** Sends a request and follows it to its outcome. */
    run<R>(spec: RequestSpec<R>): HasRequest<R> {
      return track(spec, (request) => {
        dispatch(request, 'CONNECT')
        pool.connect(spec.preferredHost).then(
          (info) => batch(() => send(request, info)),
          (error: unknown) => batch(() => dispatch(request, 'DROP', { error: asHasError(error) })),
        )
      })
    },
    /** Takes over a request that was waiting before a reload and re-attaches it; its answer or expiry ends it. */
    adopt<R>(spec: RequestSpec<R>, record: RequestRecord): HasRequest<R> {
      return track(spec, (request) => {
        request.uuid = record.uuid
        request.host = record.host
        request.pending = {
          kind: spec.kind,
          uuid: record.uuid,
          account: spec.account,
          expire: record.expire,
          deepLink: spec.deepLink(record.uuid, record.host),
          host: record.host,
        }
        byUuid.set(record.uuid, request)
        request.timer = scheduleAt(record.expire, () =>
          batch(() => dispatch(request, 'EXPIRE', { error: errorForOutcome('expired', request.ignored) })),
        )
        dispatch(request, 'RESTORE')
        pool.reattach(record.host, 0)
      })
    },
    /** Records a request that failed before it could start (bad arguments, no session) as its kind's latest outcome. */
    reject<R>(kind: RequestKind, account: string, error: HasErrorType): HasRequest<R> {
      const id = nextId++
      publish({ settled: { id, kind, account, status: transition('idle', 'ERR') as SettledRequest['status'], error } })
      return Object.assign(Promise.reject(error), { id })
    },
    /** Cancels one live request by id, or all of them. */
    cancel(id?: number) {
      batch(() => {
        for (const request of [...live.values()])
          if (id === undefined || request.id === id) dispatch(request, 'CANCEL', { error: new HasCancelledError() })
      })
    },
    /** Forces fresh sockets and re-attaches waiting requests now (mobile browsers kill sockets in the background). */
    resume() {
      if (closed) return
      batch(() => {
        const hosts = new Set([...live.values()].flatMap((r) => (r.uuid && r.host ? [r.host] : [])))
        for (const host of hosts) {
          pool.drop(host)
          pool.reattach(host, 0)
        }
      })
    },
    /** Opens a socket ahead of time (requests also connect on demand). */
    async connect(): Promise<void> {
      const opening = pool.connect()
      publish()
      try {
        await opening
      } finally {
        publish()
      }
    },
    close() {
      if (closed) return
      batch(() => {
        for (const request of [...live.values()]) dispatch(request, 'CANCEL', { error: new HasCancelledError('The client was closed.') })
        closed = true
        pool.close()
        publish()
      })
    },
  }
}

/** The runner's interface. */
export type RequestRunner = ReturnType<typeof createRequestRunner>

/** What the frame router needs of the runner. */
export type RunnerContext = {
  byUuid: Map<string, LiveRequest>
  awaitingWait: Map<string, LiveRequest[]>
  dispatch(request: LiveRequest, event: RequestEvent, payload?: EventPayload): void
  batch(fn: () => void): void
  /** Runs a callback of the app once the current change is committed, so it sees the state it is told about. */
  afterCommit(callback: () => void): void
  info(host: string): ConnectedInfo | undefined
}

function asHasError(error: unknown): HasErrorType {
  return error instanceof HasError ? (error as HasErrorType) : new HasConnectionError(undefined, { cause: error })
}
