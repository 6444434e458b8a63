import type { RequestKind } from '../core/protocol/messages.js'
import type { RelayRequestInfo, RelaySocket } from './relayTypes.js'

/** What the relay holds about one request. */
export interface RelayRequest {
  uuid: string
  kind: RequestKind
  account: string
  /** The frame forwarded to wallets (the APP's request with uuid and expire). */
  forward: Record<string, unknown>
  /** The socket that made it: never replaced by an attach. */
  creator: RelaySocket
  /** The APP sockets that receive the answer: the creator while it is open, and every socket that attached. */
  apps: Set<RelaySocket>
  /** The creator's address: the request's characters count against it. */
  address: string
  expire: number
  delivered: Set<RelaySocket>
  answer?: Record<string, unknown>
}

/** How much the relay, one address and one socket may hold. */
export interface RelayLimits {
  maxRequests: number
  maxChars: number
  maxCharsPerAddress: number
  maxRequestsPerSocket: number
}

/** Why a new request cannot be held. */
export type Refusal = 'too many pending requests on this socket' | 'too many pending requests from this address' | 'server busy'

/**
 * The relay's requests, indexed by uuid, by the sockets attached to them (so a close costs their own requests only),
 * while unanswered by account (so a registration finds its account's queue without a scan), and, once no socket is
 * attached, in the order they were left: those are the first to go when room is needed, so a flood that disconnects
 * leaves nothing in anyone's way, while a page that reloads can still attach to its request.
 */
export function createRelayRequests(limits: RelayLimits) {
  let chars = 0
  const byUuid = new Map<string, RelayRequest>()
  const bySocket = new Map<RelaySocket, Set<RelayRequest>>()
  const unanswered = new Map<string, Set<RelayRequest>>()
  const charsOf = new Map<string, number>()
  /** Requests no open socket is attached to, oldest first: globally and per address. */
  const left = new Set<RelayRequest>()
  const leftBy = new Map<string, Set<RelayRequest>>()
  const sizeOf = (request: RelayRequest) => String(request.forward.data ?? '').length + (request.answer ? JSON.stringify(request.answer).length : 0)

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
  const charge = (request: RelayRequest, sign: 1 | -1) => {
    const size = sizeOf(request) * sign
    chars += size
    const next = (charsOf.get(request.address) ?? 0) + size
    if (next > 0) charsOf.set(request.address, next)
    else charsOf.delete(request.address)
  }
  /** Unanswered requests per attached socket (its quota). */
  const waiting = new Map<RelaySocket, number>()
  const count = (socket: RelaySocket, delta: number) => {
    const next = (waiting.get(socket) ?? 0) + delta
    if (next > 0) waiting.set(socket, next)
    else waiting.delete(socket)
  }
  const waitingOn = (socket: RelaySocket) => waiting.get(socket) ?? 0
  const markLeft = (request: RelayRequest) => {
    left.add(request)
    index(leftBy, request.address, request)
  }
  const unmarkLeft = (request: RelayRequest) => {
    left.delete(request)
    unindex(leftBy, request.address, request)
  }

  function remove(request: RelayRequest) {
    if (byUuid.get(request.uuid) !== request) return
    byUuid.delete(request.uuid)
    charge(request, -1)
    unindex(unanswered, request.account, request)
    for (const app of request.apps) {
      unindex(bySocket, app, request)
      if (!request.answer) count(app, -1)
    }
    unmarkLeft(request)
  }

  /** Drops left requests, oldest first, until `fits` holds or none is left in `pool`. */
  function evict(pool: Set<RelayRequest> | undefined, fits: () => boolean) {
    for (const request of pool ?? []) {
      if (fits()) return
      remove(request)
    }
  }

  return {
    /** Why a socket's new request of `size` characters cannot be held, after making room from left requests; undefined when it can. */
    refusal(socket: RelaySocket, size: number): Refusal | undefined {
      if (waitingOn(socket) >= limits.maxRequestsPerSocket) return 'too many pending requests on this socket'
      const addressFits = () => (charsOf.get(socket.address) ?? 0) + size <= limits.maxCharsPerAddress
      evict(leftBy.get(socket.address), addressFits)
      if (!addressFits()) return 'too many pending requests from this address'
      const relayFits = () => byUuid.size < limits.maxRequests && chars + size <= limits.maxChars
      evict(left, relayFits)
      return relayFits() ? undefined : 'server busy'
    },
    add(request: RelayRequest): RelayRequest {
      byUuid.set(request.uuid, request)
      charge(request, 1)
      for (const app of request.apps) {
        index(bySocket, app, request)
        count(app, 1)
      }
      index(unanswered, request.account, request)
      return request
    },
    get: (uuid: string) => byUuid.get(uuid),
    /** Characters of payload held (requests and kept answers). */
    heldChars: () => chars,
    /** How many unanswered requests a socket is attached to. */
    waitingOn,
    /** The unanswered requests for an account, to hand to a wallet that registers. */
    waitingFor: (account: string): ReadonlySet<RelayRequest> => unanswered.get(account) ?? new Set(),
    answer(request: RelayRequest, answer: Record<string, unknown>) {
      charge(request, -1)
      request.answer = answer
      charge(request, 1)
      unindex(unanswered, request.account, request)
      for (const app of request.apps) count(app, -1)
    },
    /** Adds a socket to the ones a request answers (attach); the others stay. */
    attach(request: RelayRequest, socket: RelaySocket) {
      if (request.apps.has(socket)) return
      request.apps.add(socket)
      index(bySocket, socket, request)
      if (!request.answer) count(socket, 1)
      unmarkLeft(request)
    },
    /** A socket closed: it leaves its requests; those no open socket is attached to wait for an attach, or for room to be needed. */
    detach(socket: RelaySocket) {
      for (const request of bySocket.get(socket) ?? []) {
        request.apps.delete(socket)
        if (request.apps.size === 0) markLeft(request)
      }
      bySocket.delete(socket)
      waiting.delete(socket)
    },
    remove,
    describe(): RelayRequestInfo[] {
      return [...byUuid.values()].map((r) => ({
        uuid: r.uuid,
        kind: r.kind,
        account: r.account,
        expire: r.expire,
        answered: Boolean(r.answer),
        appConnected: r.apps.size > 0,
      }))
    },
    clear() {
      byUuid.clear()
      chars = 0
      bySocket.clear()
      unanswered.clear()
      charsOf.clear()
      left.clear()
      leftBy.clear()
      waiting.clear()
    },
  }
}
