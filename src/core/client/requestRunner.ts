import '../firstLoadShared.js'
import { loadAes } from '../crypto/lazyAes.js'
import { HasCancelledError } from '../errors/HasCancelledError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { type RequestEvent, reduceRequest } from '../machine/request.js'
import type { RequestKind } from '../protocol/messages.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import { connectorSpec } from '../connectors/connectorSpec.js'
import type { ConnectorRequestSpec, RequestSpec } from '../request/RequestSpec.js'
import type { HasRequest, WebSocketConstructor } from '../types.js'
import IsomorphicWebSocket from 'isomorphic-ws'
import { createChangeQueue } from './changeQueue.js'
import { type ConnectionPool, createConnectionPool } from './connectionPool.js'
import { describeConnection, recordsOf, snapshotRequests } from './describeRequests.js'
import type { LiveRequest, RunnerChange, RunnerParts } from './liveRequest.js'
import { followChange } from './followChange.js'
import { routeFrame, verifyDeadline } from './routeFrame.js'
import { handleDrop, sendAttach } from './relayDrops.js'
import { sendRequest } from './sendRequest.js'
import { cancelError, trackRequest } from './trackRequest.js'
import { scheduleAt } from './schedule.js'
import { unsentSpec } from './unsentSpec.js'

export interface RequestRunnerOptions {
  hosts: readonly string[]
  /** Default: the browser's, or `ws` in Node via isomorphic-ws. */
  WebSocket: WebSocketConstructor | undefined
  connectTimeoutMs: number
  reconnectDelaysMs: readonly number[]
  /** Receives each change once (batched: a drop that touches ten requests is one change). */
  commit(change: RunnerChange): void
  /** Whether a wallet answer with this fingerprint was accepted before (stored with the sessions). */
  isSpent(fingerprint: string): boolean
  /** Written into records so a reload of this tab, and no other tab, takes the answers over. */
  tab?: string
}

/**
 * Runs requests. Every event goes through the request machine (`reduceRequest`), the one place a request changes;
 * what follows from each change (timers, the uuid index, sockets, storage, settling the promise) is `followChange`.
 */
export function createRequestRunner(options: RequestRunnerOptions) {
  const live = new Map<number, LiveRequest>()
  const byUuid = new Map<string, LiveRequest>()
  /** Sign and challenge requests cancelled here that their wallet may still approve, by uuid, until they expire. */
  const late = new Map<string, LiveRequest>()
  let sentSeq = 0
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
      answers: change.answers,
      records: change.records ? recordsOf(live.values(), options.tab) : undefined,
    })
  })
  const { batch, publish } = queue

  const pool: ConnectionPool = createConnectionPool({
    ...options,
    WebSocket: options.WebSocket ?? (IsomorphicWebSocket as unknown as WebSocketConstructor | undefined),
    onMessage: (host, message) => batch(() => routeFrame(parts, host, message)),
    onDrop: (host) => batch(() => handleDrop(parts, host)),
    onReattached: (host) => sendAttach(parts, host),
  })

  /** Hands an event to the machine; a change is followed by its effects, no change by nothing at all. */
  function dispatch(request: LiveRequest, event: RequestEvent) {
    const { id, uuid } = request.state
    if (live.get(id) !== request && !(uuid && late.get(uuid) === request)) return
    const before = request.state
    const after = reduceRequest(before, event)
    if (after === before) return
    request.state = after
    followChange(parts, request, before, after)
  }

  /** Keeps listening for the answer to a request cancelled here, until it would have expired. */
  function listenLate(request: LiveRequest, uuid: string, until: number) {
    late.set(uuid, request)
    scheduleAt(until, () => late.get(uuid) === request && late.delete(uuid) && releaseUnused())
  }

  /** Closes the sockets of relays no request needs any more (live, or cancelled and still listened to). */
  function releaseUnused() {
    pool.release(new Set([...live.values(), ...late.values()].flatMap(({ state }) => (state.host ? [state.host] : []))))
  }

  const parts: RunnerParts = {
    pool,
    live,
    byUuid,
    late,
    dispatch,
    batch,
    publish,
    afterCommit: queue.afterCommit,
    listenLate,
    releaseUnused,
    connectAndSend: (request) => sendRequest(parts, request),
    startConnector: (request) => request.spec.start?.(request, { dispatch, batch, verifyDeadline }),
    isSpent: options.isSpent,
    nextSentSeq: () => ++sentSeq,
  }
  const tracking = { ...parts, closed: () => closed }

  return {
    /** Sends a request (`id`: the client's, unique) and follows it to its outcome; a connector's runs in its wallet. */
    run<R>(request: RequestSpec<R> | ConnectorRequestSpec, id: number): HasRequest<R> {
      const spec = 'call' in request ? connectorSpec<R>(request) : request
      return trackRequest(tracking, id, spec, spec.kind, (live) => dispatch(live, { type: 'CONNECT' }))
    },
    /** Takes over a request that was waiting before a reload and re-attaches it; its answer or expiry ends it. */
    adopt<R>(spec: RequestSpec<R>, record: RequestRecord, id: number): HasRequest<R> {
      return trackRequest(tracking, id, spec, spec.kind, (request) => {
        const { uuid, host, expire: deadline } = record
        dispatch(request, { type: 'RESTORE', uuid, host, deadline, deepLink: spec.deepLink(uuid, host) })
      })
    },
    /** A request that failed before it could be sent (bad arguments, no session): the machine records the outcome. */
    fail<R>(kind: RequestKind, account: string, error: HasErrorType, id: number): HasRequest<R> {
      return trackRequest<R>(tracking, id, unsentSpec(kind, account), kind, (request) => dispatch(request, { type: 'ERR', error }))
    },
    /** Cancels one live request by id, or all of them. */
    cancel(id?: number) {
      batch(() => {
        for (const request of [...live.values()])
          if (id === undefined || request.state.id === id) dispatch(request, { type: 'CANCEL', error: cancelError(request) })
      })
    },
    /** Forces fresh sockets and re-attaches waiting requests now (mobile browsers kill sockets in the background). */
    resume() {
      if (closed) return
      batch(() => {
        const hosts = new Set([...live.values()].flatMap(({ state }) => (state.uuid && state.host ? [state.host] : [])))
        for (const host of hosts) {
          pool.drop(host)
          pool.reattach(host, 0)
        }
      })
    },
    /** Opens a socket ahead of time, and loads the encryption code (requests also do both on demand). */
    async connect(): Promise<void> {
      loadAes().catch(() => {}) // a request that needs it reports the failure
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
        for (const request of [...live.values()]) dispatch(request, { type: 'CANCEL', error: new HasCancelledError('The client was closed.') })
        closed = true
        pool.close()
        publish()
      })
    },
  }
}

/** The runner's interface. */
export type RequestRunner = ReturnType<typeof createRequestRunner>
