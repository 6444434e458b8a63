import type { KeyType } from './protocol/constants.js'
import type { RequestKind } from './protocol/messages.js'
import type { RequestStatus } from './machine/request.js'
import type { HasErrorType } from './errors/HasErrorType.js'

/** The minimal WebSocket surface the client uses (browsers' WebSocket, `ws`, the devkit's in-memory socket). */
export interface WebSocketLike {
  readonly readyState: number
  send(data: string): void
  close(code?: number, reason?: string): void
  onopen: Handler<unknown> | null
  onmessage: Handler<{ data: unknown }> | null
  onclose: Handler<unknown> | null
  onerror: Handler<unknown> | null
}

/**
 * An event handler property, checked bivariantly (as methods are): the browser's WebSocket, `ws` and the devkit's
 * memory socket all fit, though each types its events its own way.
 */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack']

/** A WebSocket constructor, injected so the client runs in browsers, Node and against the in-memory devkit. */
export type WebSocketConstructor = new (url: string) => WebSocketLike

/** A logged-in account: what the dApp keeps to sign later. Never holds a private key. */
export interface HasSession {
  account: string
  /** The auth_key shared with the wallet for this session. */
  key: string
  /** When the wallet stops honouring the key (ms epoch). */
  expire: number
  /** The v0.8 session token some wallets (Hive Keychain) need on every later request. */
  token?: string
  /** The relay the session was created on, where the wallet listens. */
  host: string
  /** The signed login challenge, when one was asked for: the key role, the message, the key the wallet named, and its signature. */
  challenge?: { keyType?: KeyType; message: string; pubkey: string; signature: string }
  /**
   * True when the login's signing key was checked to carry the account's authority (`verify: true`, or your server's
   * verdict). Never read back from storage: after a reload the client checks the stored signature on chain again.
   */
  verified?: true
  /**
   * The wallet connector that made it (`keychain`…), absent for HiveAuth. Such a session's `key` is an id, not a secret,
   * its `host` is empty, and its requests go to that wallet.
   */
  connector?: string
}

/** A request the wallet can now see: what a UI needs to show the QR code, the link and the countdown. */
export interface PendingRequest {
  kind: RequestKind
  uuid: string
  account: string
  /** Deadline on the local clock (ms epoch), corrected for the relay's clock skew. */
  expire: number
  /** `has://auth_req/...` for logins; a key-less link that wakes the wallet for sign and challenge. */
  deepLink: string
  /** The relay the request lives on. */
  host: string
  /** A login that asks a wallet which stored the session's token to approve without a scan (see `renew`). */
  renew?: true
  /** Sent in service mode: a headless PKSA holds the key, so there is nothing to scan. */
  service?: true
  /** A login that also signs a message (a verified login, or a challenge): the key role it signs with. */
  signs?: KeyType
  /** A request shown by a wallet other than HiveAuth (its connector id): no QR code or link; its `deepLink` is empty. */
  connector?: string
}

/** A live request as the client state shows it. */
export interface RequestSnapshot {
  id: number
  kind: RequestKind
  account: string
  status: RequestStatus
  pending?: PendingRequest
}

/** How the latest request of a kind ended: what a UI shows once nothing is in flight. */
export interface SettledRequest {
  id: number
  kind: RequestKind
  account: string
  status: 'approved' | 'rejected' | 'failed' | 'expired' | 'cancelled'
  /** The typed error, for every status but approved. */
  error?: HasErrorType
  /** The value the request resolved with (a session, a sign or a challenge result). */
  result?: unknown
  /**
   * The wallet approved it after it was cancelled here: the transaction was signed (and broadcast, when asked), the
   * message signed, though the request's promise had already rejected with `HasCancelledError`.
   */
  late?: true
}

/** A request in flight: a promise of its result that also carries the request's id (for `cancel`, `retry` and UIs). */
export interface HasRequest<T> extends Promise<T> {
  readonly id: number
}

/** What the client shows of its sockets. */
export interface ConnectionState {
  status: ConnectionStatus
  host?: string
  protocol?: number
  /** The relay's request lifetime in seconds. */
  timeout: number
}

/** Socket status. */
export type ConnectionStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected' | 'closed'

/** The client's whole observable state, as an immutable snapshot. */
export interface HasClientState {
  connection: ConnectionState
  /** Logged-in accounts, most recent login first. */
  sessions: readonly HasSession[]
  /** Accounts logged in before on this device, most recent first (names only, at most 8; `forgetRecent` removes one). */
  recent: readonly string[]
  /** Requests that have not settled yet, oldest first. */
  requests: readonly RequestSnapshot[]
  /** The latest settled request of each kind. */
  last: Partial<Record<RequestKind, SettledRequest>>
}

/** Options shared by every request. */
export interface RequestOptions {
  /** Called once the wallet can see the request (after `*_wait`), with what a UI needs to show it. */
  onWait?: (pending: PendingRequest) => void
  /** Aborting rejects with HasCancelledError. The wallet is not told: HAS has no cancel message. */
  signal?: AbortSignal
}

export type { KeyType }

/** The dApp as the wallet shows it. */
export interface HasApp {
  name: string
  description?: string
  icon?: string
}
