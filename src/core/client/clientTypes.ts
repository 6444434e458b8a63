import type { ChainOptions } from '../chain/rpc.js'
import type { HiveConnector } from '../connectors/HiveConnector.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import type { RequestKind } from '../protocol/messages.js'
import type { ConnectorCall } from '../connectors/connectorCalls.js'
import type { ConnectorRequestSpec, RequestSpec } from '../request/RequestSpec.js'
import type { HasStorage } from '../storage/HasStorage.js'
import type { HasApp, HasClientState, HasRequest, HasSession, WebSocketConstructor } from '../types.js'

/** Options of createHasClient. */
export interface HasClientOptions {
  /** How the wallet names and shows your dApp. */
  app: HasApp
  /** Relays to try, in order (default: the public HiveAuth relays). */
  hosts?: readonly string[]
  /** Where sessions persist (default: localStorage in a browser, shared by its tabs; memory elsewhere). */
  storage?: HasStorage
  /** WebSocket implementation (default: the browser's, or `ws` in Node via isomorphic-ws). */
  WebSocket?: WebSocketConstructor
  /**
   * Service mode: a secret shared with a headless PKSA (the official hive-auth-pksa), which then needs no QR code. Such
   * a PKSA stays silent, until the request expires, on a wrong secret, an active-key transaction or a key it lacks.
   */
  authKeySecret?: string
  /** Allow `sign({ broadcast: false })` (off by default: most wallets broadcast it anyway, or never answer). */
  allowSignOnly?: boolean
  /** The Hive API nodes (and fetch) a verified login (`verify: true`) checks the account against. */
  chain?: ChainOptions
  /** How long one relay may take to greet before the next is tried (ms, default 10 000). */
  connectTimeoutMs?: number
  /** Back-off between re-attach attempts to a relay that dropped (ms; the last value repeats). */
  reconnectDelaysMs?: readonly number[]
  /** Errors no request reports, such as storage refusing a write (a login or logout may not survive a reload). */
  onError?: (error: HasErrorType) => void
  /** Wallets besides HiveAuth (`[keychain()]`): `authenticate(client, { connector })`; their sessions' requests go to them. */
  connectors?: readonly HiveConnector[]
}

/** What an action (authenticate, sign, challenge) reads of the client to build its request. */
export interface RequestRuntime {
  app: HasApp
  authKeySecret: string | undefined
  allowSignOnly: boolean
  chain: ChainOptions | undefined
  /** The live session of an account; HasNotAuthenticatedError or HasSessionExpiredError when there is none. */
  session(account: string): HasSession
  /** The live session of an account that holds a wallet token (what a renewal needs), if any. */
  renewable(account: string): HasSession | undefined
  /** A nonce above any this origin used, in any tab, before or since a reload. */
  nonce(): number
  /** A request through a configured connector (its code loads on first use); HasInvalidArgumentError when none is. */
  viaConnector(kind: RequestKind, connector: string, params: ConnectorCall['params'], session?: HasSession): ConnectorRequestSpec
}

/**
 * A HiveAuth client: the sockets, the sessions, and the requests in flight. Its actions are functions that take it:
 * `authenticate(client, …)`, `sign(client, …)`, `challenge(client, …)`, so a dApp bundles only the ones it calls.
 */
export interface HasClient {
  /**
   * Runs a request an action builds (what `authenticate`, `sign` and `challenge` call). A failure to build it (bad
   * arguments, no session) is an outcome of the request machine like any other. `again` repeats it for `retry`.
   */
  request<R>(
    kind: RequestKind,
    account: unknown,
    build: (runtime: RequestRuntime) => RequestSpec<R> | ConnectorRequestSpec,
    again: () => HasRequest<R>,
  ): HasRequest<R>
  /** Sends a settled request (the latest of its kind) again, as a new request; only when its error is retryable. */
  retry(id: number): HasRequest<unknown>
  /** Forgets one account's session, or all of them, in every tab. HAS has no logout message: the wallet's key just expires. */
  logout(account?: string): void
  /** Removes an account from the names offered as "logged in before on this device". */
  forgetRecent(account: string): void
  /** Makes a logged-in account the current one (first in `sessions`); HasNotAuthenticatedError if it is not. */
  switchAccount(account: string): HasSession
  /** The session of an account, or the current (most recently used) one. */
  getSession(account?: string): HasSession | undefined
  /** The current state snapshot. */
  getState(): HasClientState
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: HasClientState) => void): () => void
  /** Opens a socket ahead of time (requests also connect on demand). */
  connect(): Promise<void>
  /** Cancels a live request by id (see `getState().requests`, or `request.id`), or all of them. */
  cancel(id?: number): void
  /** Reconnects and re-attaches waiting requests now (call when the page returns to the foreground). */
  resume(): void
  /** Closes the sockets, stops listening to other tabs, and cancels every live request. */
  close(): void
}
