import IsomorphicWebSocket from 'isomorphic-ws'
import { createAuthRequest, type AuthenticateParameters, type HasApp } from '../actions/authenticate'
import { createChallengeRequest, type ChallengeParameters, type ChallengeResult, type DecryptResult } from '../actions/challenge'
import { createSignRequest, type SignParameters, type SignResult } from '../actions/sign'
import { HasError } from '../errors/HasError'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError'
import type { RequestKind } from '../protocol/messages'
import { HasNotAuthenticatedError } from '../errors/HasNotAuthenticatedError'
import { HasSessionExpiredError } from '../errors/HasSessionExpiredError'
import { normalizeAccountName } from '../protocol/accountName'
import { DEFAULT_HAS_HOSTS, DEFAULT_TIMEOUT_SECONDS } from '../protocol/constants'
import { normalizeHost } from '../protocol/hosts'
import type { HasStorage } from '../storage/HasStorage'
import { createWebStorage } from '../storage/createWebStorage'
import { readStoredState, writeStoredState } from '../storage/sessionRecords'
import { restoreAuthRequest } from '../actions/authenticate'
import { restoreChallengeRequest } from '../actions/challenge'
import { restoreSignRequest } from '../actions/sign'
import type { RequestRecord } from './requestRecord'
import { createNonceSource } from './nonce'
import { createRequestRunner } from './requestRunner'
import { scheduleAt } from './schedule'
import { createStore } from './store'
import type { HasClientState, HasSession, WebSocketConstructor } from './types'

/** Options of createHasClient. */
export interface HasClientOptions {
  /** How the wallet names and shows your dApp. */
  app: HasApp
  /** Relays to try, in order (default: the public HiveAuth relays). */
  hosts?: readonly string[]
  /** Where sessions persist (default: localStorage in a browser, memory elsewhere). */
  storage?: HasStorage
  /** WebSocket implementation (default: the browser's, or `ws` in Node via isomorphic-ws). */
  WebSocket?: WebSocketConstructor
  /** Service mode: a secret shared with a headless PKSA, so no QR code is needed. */
  authKeySecret?: string
  /** How long one relay may take to greet before the next is tried (ms, default 10 000). */
  connectTimeoutMs?: number
  /** Back-off between reconnect attempts while a request waits (ms; the last value repeats). */
  reconnectDelaysMs?: readonly number[]
}

/** A HiveAuth client: one socket, the sessions, and the requests in flight. */
export interface HasClient {
  /** Logs an account in through its wallet; resolves with the new session. */
  authenticate(params: AuthenticateParameters): Promise<HasSession>
  /** Asks the wallet to sign (and by default broadcast) operations with a logged-in account. */
  sign(params: SignParameters): Promise<SignResult>
  /** Asks the wallet to sign a message, or with `decrypt: true` to decrypt a memo. */
  challenge(params: ChallengeParameters & { decrypt?: false }): Promise<ChallengeResult>
  challenge(params: ChallengeParameters & { decrypt: true }): Promise<DecryptResult>
  /** Forgets one account's session, or all of them. HAS has no logout message: the wallet's key just expires. */
  logout(account?: string): void
  /** Makes a logged-in account the current one (first in `sessions`); HasNotAuthenticatedError if it is not. */
  switchAccount(account: string): HasSession
  /** The session of an account, or the current (most recently used) one. */
  getSession(account?: string): HasSession | undefined
  /** The current state snapshot. */
  getState(): HasClientState
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: HasClientState) => void): () => void
  /** Opens the socket ahead of time (requests also connect on demand). */
  connect(): Promise<void>
  /** Cancels a live request by id (see `getState().requests`), or all of them. */
  cancel(id?: number): void
  /** Reconnects and re-attaches waiting requests now (call when the page returns to the foreground). */
  resume(): void
  /** Closes the socket and cancels every live request. */
  close(): void
}

/** Creates a HiveAuth client. Nothing connects until the first request or `connect()`. */
export function createHasClient(options: HasClientOptions): HasClient {
  if (!options || typeof options.app?.name !== 'string' || options.app.name.trim() === '') {
    throw new HasInvalidArgumentError('createHasClient needs app.name: the name wallets show to the user.')
  }
  const hosts = (options.hosts ?? DEFAULT_HAS_HOSTS).map(normalizeHost)
  if (hosts.length === 0) throw new HasInvalidArgumentError('createHasClient needs at least one host.')
  const storage = options.storage ?? createWebStorage('local')
  const nextNonce = createNonceSource()
  const stored = readStoredState(storage, Date.now())
  let pendingRecords: RequestRecord[] = stored.pending
  const store = createStore<HasClientState>({
    connection: { status: 'idle', timeout: DEFAULT_TIMEOUT_SECONDS },
    sessions: stored.sessions,
    requests: [],
    last: {},
  })
  const persist = () => writeStoredState(storage, { sessions: store.getState().sessions, pending: pendingRecords })
  const runner = createRequestRunner({
    hosts,
    WebSocket: options.WebSocket ?? (IsomorphicWebSocket as unknown as WebSocketConstructor | undefined),
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    reconnectDelaysMs: options.reconnectDelaysMs ?? [250, 500, 1000, 2000, 4000, 8000],
    store,
    onRecordsChange(records) {
      pendingRecords = records
      persist()
    },
  })
  let expiryTimer: ReturnType<typeof setTimeout> | undefined

  function setSessions(update: (sessions: readonly HasSession[]) => readonly HasSession[]) {
    store.setState((s) => ({ ...s, sessions: update(s.sessions) }))
    persist()
    scheduleSessionExpiry()
  }

  function scheduleSessionExpiry() {
    clearTimeout(expiryTimer)
    const sessions = store.getState().sessions
    if (sessions.length === 0) return
    const next = Math.min(...sessions.map((s) => s.expire))
    expiryTimer = scheduleAt(next, () => setSessions((list) => list.filter((s) => s.expire > Date.now())))
  }

  function requireSession(account: string): HasSession {
    const name = normalizeAccountName(account)
    const session = store.getState().sessions.find((s) => s.account === name)
    if (!session) throw new HasNotAuthenticatedError(`@${name} is not logged in.`)
    if (session.expire <= Date.now()) {
      setSessions((list) => list.filter((s) => s.account !== name))
      throw new HasSessionExpiredError(`The session of @${name} has expired; log in again.`)
    }
    return session
  }

  /** Builds a request, recording a failure to build it (bad arguments, no session) like any other outcome. */
  function prepare<T>(kind: RequestKind, account: unknown, build: () => T): T {
    try {
      return build()
    } catch (error) {
      if (error instanceof HasError) runner.recordFailure(kind, typeof account === 'string' ? account : '', error)
      throw error
    }
  }

  function addSession(session: HasSession) {
    setSessions((list) => [session, ...list.filter((s) => s.account !== session.account)])
  }

  scheduleSessionExpiry()
  // Requests that were waiting when the page went away: take them over and re-attach, so a late answer still counts.
  if (pendingRecords.length > 0) {
    for (const record of pendingRecords) {
      if (record.kind === 'auth') runner.adopt({ ...restoreAuthRequest(record), onApproved: addSession }, record).catch(() => {})
      else if (record.kind === 'sign') runner.adopt(restoreSignRequest(record), record).catch(() => {})
      else runner.adopt(restoreChallengeRequest(record), record).catch(() => {})
    }
    runner.resume()
  }

  return {
    async authenticate(params) {
      const spec = prepare('auth', params?.account, () =>
        createAuthRequest(options.app, normalizeAccountName(params.account), params, options.authKeySecret),
      )
      return runner.run({ ...spec, onApproved: addSession })
    },
    async sign(params) {
      return runner.run(prepare('sign', params?.account, () => createSignRequest(requireSession(params.account), params, nextNonce())))
    },
    async challenge(params: ChallengeParameters) {
      return runner.run(prepare('challenge', params?.account, () => createChallengeRequest(requireSession(params.account), params, nextNonce())))
    },
    logout(account) {
      if (account === undefined) return setSessions(() => [])
      const name = account.trim().toLowerCase()
      setSessions((list) => list.filter((s) => s.account !== name))
    },
    switchAccount(account) {
      const session = requireSession(account)
      setSessions((list) => [session, ...list.filter((s) => s !== session)])
      return session
    },
    getSession(account) {
      const sessions = store.getState().sessions.filter((s) => s.expire > Date.now())
      if (account === undefined) return sessions[0]
      const name = account.trim().toLowerCase()
      return sessions.find((s) => s.account === name)
    },
    getState: store.getState,
    subscribe: store.subscribe,
    async connect() {
      await runner.connect()
    },
    cancel: runner.cancel,
    resume: runner.resume,
    close() {
      clearTimeout(expiryTimer)
      runner.close()
    },
  } as HasClient
}
