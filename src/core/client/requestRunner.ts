import { HasCancelledError } from '../errors/HasCancelledError.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { isTerminal, type RequestEvent, transition } from '../machine/request.js'
import type { RequestKind } from '../protocol/messages.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import type { HasRequest, SettledRequest, WebSocketConstructor } from '../types.js'
import { createChangeQueue } from './changeQueue.js'
import type { EventPayload, LiveRequest, RunnerChange, RunnerContext } from './liveRequest.js'
import { type ConnectionPool, createConnectionPool } from './connectionPool.js'
import { describeConnection, recordsOf, snapshotRequests } from './describeRequests.js'
import { asHasError, errorForOutcome } from './errorForOutcome.js'
import { settledOf } from './settledOf.js'
import type { ConnectedInfo } from './hostLink.js'
import { routeFrame } from './routeFrame.js'
import { scheduleAt } from './schedule.js'

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
    forget(request)
    const settled = settledOf(request, next, payload)
    const session = settled.error ? undefined : request.spec.sessionOf?.(settled.result)
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
    expireAt(request, Date.now() + info.timeoutMs)
    dispatch(request, 'SEND')
  }

  /** Removes a settled request from every index and stops its timer. */
  function forget(request: LiveRequest) {
    clearTimeout(request.timer)
    live.delete(request.id)
    if (request.uuid) byUuid.delete(request.uuid)
    const queued = request.host ? awaitingWait.get(request.host) : undefined
    if (request.host && queued)
      awaitingWait.set(
        request.host,
        queued.filter((r) => r !== request),
      )
  }

  /** (Re)sets the deadline at which the request expires, on the local clock. */
  function expireAt(request: LiveRequest, deadline: number) {
    clearTimeout(request.timer)
    request.timer = scheduleAt(deadline, () => batch(() => dispatch(request, 'EXPIRE', { error: errorForOutcome('expired', request) })))
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
    expireAt,
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
        expireAt(request, record.expire)
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
