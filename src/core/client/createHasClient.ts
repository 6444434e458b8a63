import { HasError } from '../errors/HasError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { HasNotAuthenticatedError } from '../errors/HasNotAuthenticatedError.js'
import { HasSessionExpiredError } from '../errors/HasSessionExpiredError.js'
import { cleanAccountName, normalizeAccountName } from '../protocol/accountName.js'
import { DEFAULT_HAS_HOSTS, DEFAULT_TIMEOUT_SECONDS } from '../protocol/constants.js'
import { normalizeHost } from '../protocol/hosts.js'
import type { RequestKind } from '../protocol/messages.js'
import type { ConnectorRequestSpec, RequestSpec } from '../request/RequestSpec.js'
import { createPersistence, type PersistedView } from '../storage/createPersistence.js'
import { createWebStorage } from '../storage/createWebStorage.js'
import type { SessionChange } from '../storage/sessionChanges.js'
import { currentTabId } from '../storage/tabId.js'
import type { HasClientState, HasRequest, HasSession } from '../types.js'
import type { HasClient, HasClientOptions, RequestRuntime } from './clientTypes.js'
import { applyRunnerChange, sameSessions } from './applyRunnerChange.js'
import { adoptStoredRequests } from './adoptStoredRequests.js'
import { recheckVerified } from './recheckVerified.js'
import { createLazyRunner } from './lazyRunner.js'
import { createRetries } from './retries.js'
import { scheduleAt } from './schedule.js'
import { createStore } from './store.js'

export type { HasClient, HasClientOptions, RequestRuntime } from './clientTypes.js'

/** Creates a HiveAuth client. Nothing connects until the first request or `connect()`. */
export function createHasClient(options: HasClientOptions): HasClient {
  if (!options || typeof options.app?.name !== 'string' || options.app.name.trim() === '') {
    throw new HasInvalidArgumentError('createHasClient needs app.name: the name wallets show to the user.')
  }
  const hosts = (options.hosts ?? DEFAULT_HAS_HOSTS).map(normalizeHost)
  if (hosts.length === 0) throw new HasInvalidArgumentError('createHasClient needs at least one host.')
  const report = (error: HasErrorType) => {
    try {
      options.onError?.(error)
    } catch {
      // The app's handler failing must not break the client.
    }
  }
  const { authKeySecret, allowSignOnly = false } = options
  const persistence = createPersistence(options.storage ?? createWebStorage('local'), report)
  const tab = currentTabId()
  const initial = persistence.initial()
  const store = createStore<HasClientState>({
    connection: { status: 'idle', timeout: DEFAULT_TIMEOUT_SECONDS },
    sessions: initial.sessions,
    recent: initial.recent,
    requests: [],
    last: {},
  })
  /** Fingerprints of the wallet answers accepted so far (stored, shared by tabs): each is accepted once. */
  let spent = new Set(initial.answers)
  let expiryTimer: ReturnType<typeof setTimeout> | undefined

  const runner = createLazyRunner({
    hosts,
    WebSocket: options.WebSocket,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    reconnectDelaysMs: options.reconnectDelaysMs ?? [250, 500, 1000, 2000, 4000, 8000],
    tab,
    isSpent: (fingerprint) => spent.has(fingerprint),
    commit(change) {
      const changes: SessionChange[] = change.sessions.map((session) => ({ type: 'upsert', session }))
      const write = changes.length > 0 || change.records || change.answers.length > 0
      const stored = write ? persistence.write({ changes, records: change.records, answers: change.answers }) : undefined
      if (stored) spent = new Set(stored.answers)
      setState((s) => withStored(applyRunnerChange(s, change, stored?.sessions), stored?.recent))
    },
  })
  const retries = createRetries(() => store.getState(), runner.isQueued)

  /** The one store update of a change; session expiry follows the sessions it leaves. */
  function setState(update: (s: HasClientState) => HasClientState) {
    const before = store.getState().sessions
    store.setState(update)
    if (store.getState().sessions !== before) scheduleSessionExpiry()
  }

  /** Shows what persistence now holds (kept as the same arrays while unchanged). */
  function showStored(view: PersistedView | undefined) {
    if (!view) return
    spent = new Set(view.answers)
    setState((s) => withStored(sameSessions(s.sessions, view.sessions) ? s : { ...s, sessions: view.sessions }, view.recent))
  }

  const changeSessions = (...changes: SessionChange[]) => showStored(persistence.write({ changes }))

  /** The state with the recent accounts storage holds (kept as the same array while unchanged). */
  function withStored(state: HasClientState, recent: readonly string[] | undefined): HasClientState {
    if (!recent || (recent.length === state.recent.length && recent.every((a, i) => a === state.recent[i]))) return state
    return { ...state, recent }
  }

  function scheduleSessionExpiry() {
    clearTimeout(expiryTimer)
    let next = Number.POSITIVE_INFINITY
    for (const session of store.getState().sessions) next = Math.min(next, session.expire)
    if (next !== Number.POSITIVE_INFINITY) expiryTimer = scheduleAt(next, () => changeSessions())
  }

  function requireSession(account: string): HasSession {
    const name = normalizeAccountName(account)
    const session = store.getState().sessions.find((s) => s.account === name)
    if (!session) throw new HasNotAuthenticatedError(`@${name} is not logged in.`)
    if (session.expire <= Date.now()) {
      changeSessions()
      throw new HasSessionExpiredError(`The session of @${name} has expired; log in again.`)
    }
    return session
  }

  /** The live session of an account that holds a wallet token (what a renewal needs), if any. */
  function renewableSession(account: string): HasSession | undefined {
    const name = cleanAccountName(account)
    return store.getState().sessions.find((s) => s.account === name && s.token && s.expire > Date.now())
  }

  const runtime: RequestRuntime = {
    app: options.app,
    authKeySecret,
    allowSignOnly,
    chain: options.chain,
    session: requireSession,
    renewable: renewableSession,
    nonce: () => persistence.nextNonce(),
    viaConnector(kind, id, params, session) {
      const connector = options.connectors?.find((c) => c.id === id)
      if (!connector) throw new HasInvalidArgumentError(`No connector "${String(id).slice(0, 32)}" is configured.`)
      const account = session?.account ?? normalizeAccountName(params.account)
      // Inside the user's click: a wallet's window can open only now (its code, and the runner's, load after).
      const prepared = kind === 'auth' ? connector.prepare?.(params) : undefined
      return { call: { kind, connector, account, params, session, client: { app: options.app, chain: options.chain }, prepared } }
    },
  }

  const unsubscribeTabs = persistence.subscribe(showStored)
  scheduleSessionExpiry()
  adoptStoredRequests(runner, initial.pending, { tab, hosts, chain: options.chain })
  recheckVerified(initial.sessions, initial.claimedVerified, options.chain, (key) => showStored(persistence.trust(key)))

  const client: HasClient = {
    request<R>(
      kind: RequestKind,
      account: unknown,
      build: (runtime: RequestRuntime) => RequestSpec<R> | ConnectorRequestSpec,
      again: () => HasRequest<R>,
    ) {
      let spec: RequestSpec<R> | ConnectorRequestSpec
      try {
        spec = build(runtime)
      } catch (error) {
        if (!(error instanceof HasError)) throw error
        return retries.remember(runner.fail<R>(kind, cleanAccountName(account as string), error as HasErrorType), again)
      }
      return retries.remember(runner.run(spec), again)
    },
    retry: (id) => retries.retry(id),
    logout(account) {
      changeSessions(account === undefined ? { type: 'clear' } : { type: 'remove', account: cleanAccountName(account) })
    },
    forgetRecent(account) {
      showStored(persistence.write({ forget: cleanAccountName(account) }))
    },
    switchAccount(account) {
      const session = requireSession(account)
      changeSessions({ type: 'promote', account: session.account })
      return session
    },
    getSession(account) {
      const sessions = store.getState().sessions.filter((s) => s.expire > Date.now())
      if (account === undefined) return sessions[0]
      const name = cleanAccountName(account)
      return sessions.find((s) => s.account === name)
    },
    getState: store.getState,
    subscribe: store.subscribe,
    connect: () => runner.connect(),
    cancel: runner.cancel,
    resume: runner.resume,
    close() {
      clearTimeout(expiryTimer)
      unsubscribeTabs()
      runner.close()
    },
  }
  return client
}
