import type { RequestKind } from '../core/protocol/messages.js'
import type { RelayRequestInfo, RelaySocket } from './relayTypes.js'

/** What the relay holds about one request. */
export interface RelayRequest {
  uuid: string
  kind: RequestKind
  account: string
  /** The frame forwarded to wallets (the APP's request with uuid and expire). */
  forward: Record<string, unknown>
  /** The APP socket that receives the answer (null while it is away). */
  app: RelaySocket | null
  expire: number
  delivered: Set<RelaySocket>
  answer?: Record<string, unknown>
}

/**
 * The relay's requests, indexed by uuid, by the APP socket that owns them (so a close costs its own requests only) and,
 * while unanswered, by account (so a registration finds its account's queue without scanning every request).
 */
export function createRelayRequests(max: number, maxBytes: number) {
  let bytes = 0
  const sizeOf = (request: RelayRequest) => String(request.forward.data ?? '').length + (request.answer ? JSON.stringify(request.answer).length : 0)
  const byUuid = new Map<string, RelayRequest>()
  const byApp = new Map<RelaySocket, Set<RelayRequest>>()
  const unanswered = new Map<string, Set<RelayRequest>>()
  /** Unanswered requests per APP socket (its quota). */
  const waiting = new Map<RelaySocket, number>()
  const count = (socket: RelaySocket | null, delta: number) => {
    if (!socket) return
    const next = (waiting.get(socket) ?? 0) + delta
    if (next > 0) waiting.set(socket, next)
    else waiting.delete(socket)
  }

  const index = <K>(map: Map<K, Set<RelayRequest>>, key: K, request: RelayRequest) => {
    const set = map.get(key) ?? new Set()
    set.add(request)
    map.set(key, set)
  }
  const unindex = <K>(map: Map<K, Set<RelayRequest>>, key: K, request: RelayRequest) => {
    const set = map.get(key)
    if (!set) return
    set.delete(request)
    if (set.size === 0) map.delete(key)
  }

  return {
    add(request: RelayRequest): RelayRequest {
      byUuid.set(request.uuid, request)
      bytes += sizeOf(request)
      if (request.app) index(byApp, request.app, request)
      count(request.app, 1)
      index(unanswered, request.account, request)
      return request
    },
    get: (uuid: string) => byUuid.get(uuid),
    /** Whether the relay holds as many requests, or as many bytes of them, as it may. */
    full: () => byUuid.size >= max || bytes >= maxBytes,
    /** Characters of payload held (requests and kept answers). */
    heldChars: () => bytes,
    /** How many requests an APP socket still waits for. */
    waitingOn: (socket: RelaySocket): number => waiting.get(socket) ?? 0,
    /** The unanswered requests for an account, to hand to a wallet that registers. */
    waitingFor: (account: string): ReadonlySet<RelayRequest> => unanswered.get(account) ?? new Set(),
    answer(request: RelayRequest, answer: Record<string, unknown>) {
      bytes -= sizeOf(request)
      request.answer = answer
      bytes += sizeOf(request)
      unindex(unanswered, request.account, request)
      count(request.app, -1)
    },
    /** Hands a request to another APP socket (attach). */
    moveTo(request: RelayRequest, socket: RelaySocket) {
      if (request.app) unindex(byApp, request.app, request)
      if (!request.answer) count(request.app, -1)
      request.app = socket
      index(byApp, socket, request)
      if (!request.answer) count(socket, 1)
    },
    /** An APP socket closed: its requests wait for an attach. */
    detach(socket: RelaySocket) {
      for (const request of byApp.get(socket) ?? []) request.app = null
      byApp.delete(socket)
      waiting.delete(socket)
    },
    remove(request: RelayRequest) {
      if (byUuid.get(request.uuid) !== request) return
      byUuid.delete(request.uuid)
      bytes -= sizeOf(request)
      unindex(unanswered, request.account, request)
      if (request.app) unindex(byApp, request.app, request)
      if (!request.answer) count(request.app, -1)
    },
    describe(): RelayRequestInfo[] {
      return [...byUuid.values()].map((r) => ({
        uuid: r.uuid,
        kind: r.kind,
        account: r.account,
        expire: r.expire,
        answered: Boolean(r.answer),
        appConnected: Boolean(r.app?.open),
      }))
    },
    clear() {
      byUuid.clear()
      bytes = 0
      byApp.clear()
      unanswered.clear()
      waiting.clear()
    },
  }
}
