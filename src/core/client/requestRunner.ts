import { decryptText } from '../crypto/aes'
import { HasCancelledError } from '../errors/HasCancelledError'
import { HasConnectionError } from '../errors/HasConnectionError'
import { HasError } from '../errors/HasError'
import { HasExpiredError } from '../errors/HasExpiredError'
import { HasFailedError } from '../errors/HasFailedError'
import { HasRejectedError } from '../errors/HasRejectedError'
import { transition, type RequestEvent, type RequestStatus } from '../machine/request'
import type { AppInboundMessage, NackMessage, RequestKind, RequestMessage } from '../protocol/messages'
import { kindOfCommand } from '../protocol/messages'
import type { AckOutcome } from './ackOutcome'
import type { RequestRecord, RequestRecordDraft } from './requestRecord'
import { createConnection, type ConnectedInfo } from './connection'
import { localDeadline } from './localDeadline'
import { scheduleAt } from './schedule'
import type { Store } from './store'
import type { HasClientState, PendingRequest, RequestOptions, SettledRequest, WebSocketConstructor } from './types'

/** Everything the runner needs to know about one request kind's call. */
export interface RequestSpec<R> extends RequestOptions {
  kind: RequestKind
  account: string
  /** The auth_key that answers are encrypted with. */
  key: string
  /** The frame to send; absent for a request restored after a reload, which is only re-attached. */
  message?: RequestMessage
  /** What to store once the relay assigned a uuid, so the answer can be collected after a reload. */
  record: RequestRecordDraft
  preferredHost?: string
  /** Builds the deep link once the relay has assigned a uuid. */
  deepLink(uuid: string, host: string): string
  /** Reads an approval frame for this request. */
  readAck(message: AppInboundMessage, host: string): AckOutcome<R>
  /** Stores what an approval produced (a session) before anyone is told the request succeeded. */
  onApproved?: (value: R) => void
}

interface LiveRequest {
  id: number
  spec: RequestSpec<unknown>
  status: RequestStatus
  uuid?: string
  pending?: PendingRequest
  timer?: ReturnType<typeof setTimeout>
  settle(outcome: { value: unknown } | { error: HasError }): void
}

export interface RequestRunnerOptions {
  hosts: readonly string[]
  WebSocket: WebSocketConstructor | undefined
  connectTimeoutMs: number
  reconnectDelaysMs: readonly number[]
  store: Store<HasClientState>
  /** Called with every waiting request's record whenever that list changes (for persistence). */
  onRecordsChange?: (records: RequestRecord[]) => void
}

/** Runs requests over one connection: sending, wait matching, answers, expiry, drop → reconnect → attach. */
export function createRequestRunner(options: RequestRunnerOptions) {
  const { store } = options
  const live = new Map<number, LiveRequest>()
  const byUuid = new Map<string, LiveRequest>()
  let awaitingWait: LiveRequest[] = []
  let nextId = 1
  let reconnectAttempt = 0
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined
  let closed = false

  const connection = createConnection({
    hosts: options.hosts,
    WebSocket: options.WebSocket,
    connectTimeoutMs: options.connectTimeoutMs,
    onMessage: handleMessage,
    onDrop: handleDrop,
  })

  function setConnection(status: HasClientState['connection']['status'], info?: ConnectedInfo) {
    store.setState((s) => ({
      ...s,
      connection: info ? { status, host: info.host, protocol: info.protocol, timeout: info.timeoutMs / 1000 } : { ...s.connection, status },
    }))
  }

  function snapshotRequests() {
    return [...live.values()].map((r) => ({ id: r.id, kind: r.spec.kind, account: r.spec.account, status: r.status, pending: r.pending }))
  }

  function publishRequests() {
    store.setState((s) => ({ ...s, requests: snapshotRequests() }))
  }

  function publishRecords() {
    if (!options.onRecordsChange) return
    const records: RequestRecord[] = []
    for (const r of live.values()) {
      if (r.uuid && r.pending) records.push({ ...r.spec.record, uuid: r.uuid, expire: r.pending.expire, host: r.pending.host })
    }
    options.onRecordsChange(records)
  }

  function move(request: LiveRequest, event: RequestEvent) {
    const next = transition(request.status, event)
    if (next === request.status) return
    request.status = next
    publishRequests()
  }

  async function connect(target: { preferredHost?: string; onlyHost?: string }, status: 'connecting' | 'reconnecting') {
    const current = connection.current()
    if (!current || (target.onlyHost && current.host !== target.onlyHost)) setConnection(status)
    try {
      const info = await connection.connect(target)
      setConnection('connected', info)
      return info
    } catch (error) {
      if (!closed) setConnection(hasReconnecting() ? 'reconnecting' : 'disconnected')
      throw error
    }
  }

  function finish(request: LiveRequest, outcome: { value: unknown } | { error: HasError }) {
    if (!live.has(request.id)) return
    clearTimeout(request.timer)
    live.delete(request.id)
    if (request.uuid) byUuid.delete(request.uuid)
    awaitingWait = awaitingWait.filter((r) => r !== request)
    const status = 'error' in outcome ? statusOf(outcome.error) : 'approved'
    request.status = status
    const { kind, account } = request.spec
    const settled: SettledRequest = { id: request.id, kind, account, status }
    if ('error' in outcome) settled.error = outcome.error
    else {
      settled.result = outcome.value
      request.spec.onApproved?.(outcome.value)
    }
    // One update, so no observer ever sees the request gone without its outcome.
    store.setState((s) => ({ ...s, last: { ...s.last, [kind]: settled }, requests: snapshotRequests() }))
    if (request.uuid) publishRecords()
    request.settle(outcome)
  }

  function track<R>(spec: RequestSpec<R>, start: (request: LiveRequest) => void): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      if (closed) return reject(new HasCancelledError('The client was closed.'))
      if (spec.signal?.aborted) return reject(new HasCancelledError())
      const onAbort = () => finish(request, { error: new HasCancelledError() })
      const request: LiveRequest = {
        id: nextId++,
        spec: spec as RequestSpec<unknown>,
        status: 'idle',
        settle(outcome) {
          spec.signal?.removeEventListener('abort', onAbort)
          if ('error' in outcome) reject(outcome.error)
          else resolve(outcome.value as R)
        },
      }
      spec.signal?.addEventListener('abort', onAbort, { once: true })
      live.set(request.id, request)
      start(request)
    })
  }

  function run<R>(spec: RequestSpec<R>): Promise<R> {
    return track(spec, (request) => {
      move(request, 'CONNECT')
      connect({ preferredHost: spec.preferredHost }, 'connecting').then(
        (info) => send(request, info),
        (error: unknown) => finish(request, { error: asHasError(error) }),
      )
    })
  }

  /** Takes over a request that was waiting before a reload; `resume()` then re-attaches it. Its answer or expiry ends it. */
  function adopt<R>(spec: RequestSpec<R>, record: RequestRecord): Promise<R> {
    return track(spec, (request) => {
      request.uuid = record.uuid
      request.status = 'reconnecting'
      request.pending = {
        kind: spec.kind,
        uuid: record.uuid,
        account: spec.account,
        expire: record.expire,
        deepLink: spec.deepLink(record.uuid, record.host),
        host: record.host,
      }
      byUuid.set(record.uuid, request)
      request.timer = scheduleAt(record.expire, () => finish(request, { error: new HasExpiredError() }))
      publishRequests()
      publishRecords()
    })
  }

  function send(request: LiveRequest, info: ConnectedInfo) {
    if (!live.has(request.id)) return
    try {
      connection.send(request.spec.message!)
    } catch (error) {
      return finish(request, { error: asHasError(error) })
    }
    awaitingWait.push(request)
    move(request, 'SEND')
    request.timer = scheduleAt(Date.now() + info.timeoutMs, () => finish(request, { error: new HasExpiredError() }))
  }

  function handleMessage(message: AppInboundMessage) {
    switch (message.cmd) {
      case 'connected':
        return
      case 'auth_wait':
      case 'sign_wait':
      case 'challenge_wait':
        return handleWait(message.cmd, message.uuid, message.expire, message.account)
      case 'error': {
        const request = awaitingWait[0]
        if (request) finish(request, { error: new HasFailedError('relay', 'The HiveAuth server refused the request.', { details: message.error }) })
        return
      }
      case 'attach_ack': {
        const request = byUuid.get(message.uuid)
        if (request) move(request, 'ATTACHED')
        return
      }
      case 'attach_nack': {
        const request = byUuid.get(message.uuid)
        if (request) finish(request, { error: new HasExpiredError('The HiveAuth server no longer holds this request.') })
        return
      }
    }
    const request = byUuid.get(message.uuid)
    if (!request || kindOfCommand(message.cmd) !== request.spec.kind) return
    const host = request.pending?.host ?? ''
    if (message.cmd.endsWith('_nack')) return handleNack(request, message as NackMessage)
    if (message.cmd.endsWith('_err')) {
      const error = 'error' in message ? message.error : undefined
      const details = error === undefined ? undefined : (tryDecrypt(error, request.spec.key) ?? error)
      return finish(request, { error: new HasFailedError('wallet', 'The wallet could not complete the request.', { details }) })
    }
    const outcome = request.spec.readAck(message, host)
    if (outcome.type === 'ok') finish(request, { value: outcome.value })
    else if (outcome.type === 'fail') finish(request, { error: outcome.error })
  }

  function handleWait(cmd: string, uuid: string, expire: number | undefined, account: string | undefined) {
    const kind = kindOfCommand(cmd)
    const candidates = awaitingWait.filter((r) => r.spec.kind === kind)
    const request = candidates.find((r) => !account || r.spec.account === account) ?? candidates[0]
    const info = connection.current()
    if (!request || !info || byUuid.has(uuid)) return
    awaitingWait = awaitingWait.filter((r) => r !== request)
    request.uuid = uuid
    byUuid.set(uuid, request)
    const deadline = localDeadline(expire, info.timeoutMs, Date.now())
    request.pending = {
      kind: request.spec.kind,
      uuid,
      account: request.spec.account,
      expire: deadline,
      deepLink: request.spec.deepLink(uuid, info.host),
      host: info.host,
    }
    clearTimeout(request.timer)
    request.timer = scheduleAt(deadline, () => finish(request, { error: new HasExpiredError() }))
    move(request, 'WAIT')
    publishRecords()
    try {
      request.spec.onWait?.(request.pending)
    } catch {
      // The app's callback failing must not break the request.
    }
  }

  function handleNack(request: LiveRequest, message: NackMessage) {
    if (message.data === undefined) {
      // Hive Keychain refuses without proof; it is still the wallet's answer for our uuid.
      return finish(request, { error: new HasRejectedError(false, { details: message.error }) })
    }
    if (tryDecrypt(message.data, request.spec.key) !== request.uuid) return // forged: keep waiting
    finish(request, { error: new HasRejectedError(true, { details: message.error }) })
  }

  function hasReconnecting() {
    return [...live.values()].some((r) => r.status === 'reconnecting')
  }

  function handleDrop(host: string) {
    for (const request of awaitingWait) {
      finish(request, { error: new HasConnectionError('The connection was lost before the server took the request.') })
    }
    awaitingWait = []
    for (const request of live.values()) if (request.uuid) move(request, 'DROP')
    if (hasReconnecting()) {
      setConnection('reconnecting')
      scheduleReconnect(host)
    } else {
      setConnection('disconnected')
    }
  }

  function scheduleReconnect(host: string) {
    if (reconnectTimer || closed) return
    const delays = options.reconnectDelaysMs
    const base = delays[Math.min(reconnectAttempt, delays.length - 1)] ?? 1000
    const jitter = 0.8 + Math.random() * 0.4
    reconnectTimer = setTimeout(() => {
      reconnectTimer = undefined
      void reconnect(host)
    }, base * jitter)
  }

  async function reconnect(host: string) {
    if (closed || !hasReconnecting()) {
      reconnectAttempt = 0
      return
    }
    try {
      await connect({ onlyHost: host }, 'reconnecting')
    } catch {
      reconnectAttempt++
      return scheduleReconnect(host)
    }
    reconnectAttempt = 0
    for (const request of live.values()) {
      if (request.status !== 'reconnecting' || !request.uuid) continue
      try {
        connection.send({ cmd: 'attach_req', uuid: request.uuid })
      } catch {
        return // dropped again; handleDrop has scheduled the next attempt
      }
    }
  }

  return {
    run,
    adopt,
    /** Records a request that failed before it could start (bad arguments, no session) as its kind's latest outcome. */
    recordFailure(kind: RequestKind, account: string, error: HasError) {
      const settled: SettledRequest = { id: nextId++, kind, account, status: statusOf(error), error }
      store.setState((s) => ({ ...s, last: { ...s.last, [kind]: settled } }))
    },
    /** Cancels one live request by id, or all of them. */
    cancel(id?: number) {
      for (const request of [...live.values()]) {
        if (id === undefined || request.id === id) finish(request, { error: new HasCancelledError() })
      }
    },
    /**
     * Forces a fresh socket and re-attaches waiting requests now: call it when the page comes back to the
     * foreground, where mobile browsers often killed the socket without telling.
     */
    resume() {
      if (closed) return
      const waiting = [...live.values()].some((r) => r.uuid && (r.status === 'waiting' || r.status === 'reconnecting'))
      if (!waiting) return
      const host = connection.current()?.host ?? [...live.values()].find((r) => r.pending)?.pending?.host
      if (connection.current()) connection.drop()
      clearTimeout(reconnectTimer)
      reconnectTimer = undefined
      reconnectAttempt = 0
      if (host) void reconnect(host)
    },
    /** Opens the socket ahead of time (optional: requests connect on demand). */
    connect: (preferredHost?: string) => connect({ preferredHost }, 'connecting'),
    close() {
      if (closed) return
      closed = true
      clearTimeout(reconnectTimer)
      for (const request of [...live.values()]) finish(request, { error: new HasCancelledError('The client was closed.') })
      connection.close()
      setConnection('closed')
    },
  }
}

function statusOf(error: HasError): SettledRequest['status'] {
  switch (error.code) {
    case 'rejected':
      return 'rejected'
    case 'expired':
      return 'expired'
    case 'cancelled':
      return 'cancelled'
    default:
      return 'failed'
  }
}

function tryDecrypt(text: string, key: string): string | undefined {
  try {
    return decryptText(text, key)
  } catch {
    return undefined
  }
}

function asHasError(error: unknown): HasError {
  return error instanceof HasError ? error : new HasConnectionError(undefined, { cause: error })
}
