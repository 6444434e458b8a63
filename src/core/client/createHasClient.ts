import { HasError } from '../errors/HasError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { cleanAccountName, normalizeAccountName } from '../protocol/accountName.js'
import { DEFAULT_HAS_HOSTS } from '../protocol/constants.js'
import { normalizeHost } from '../protocol/hosts.js'
import type { RequestKind } from '../protocol/messages.js'
import type { ConnectorRequestSpec, RequestSpec } from '../request/RequestSpec.js'
import { createPersistence } from '../storage/createPersistence.js'
import { createWebStorage } from '../storage/createWebStorage.js'
import { currentTabId } from '../storage/tabId.js'
import type { HasRequest } from '../types.js'
import type { HasClient, HasClientOptions, RequestRuntime } from './clientTypes.js'
import { adoptStoredRequests } from './adoptStoredRequests.js'
import { createClientState } from './clientState.js'
import { recheckVerified } from './recheckVerified.js'
import { createLazyRunner } from './lazyRunner.js'
import { createRetries } from './retries.js'

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
  const state = createClientState(persistence)
  const { initial, store, showStored, changeSessions, requireSession } = state

  const runner = createLazyRunner({
    hosts,
    WebSocket: options.WebSocket,
    connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
    reconnectDelaysMs: options.reconnectDelaysMs ?? [250, 500, 1000, 2000, 4000, 8000],
    tab,
    isSpent: state.isSpent,
    commit: state.commit,
  })
  const retries = createRetries(() => store.getState(), runner.isQueued)

  const runtime: RequestRuntime = {
    app: options.app,
    authKeySecret,
    allowSignOnly,
    chain: options.chain,
    session: requireSession,
    renewable: state.renewable,
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
      state.close()
      runner.close()
    },
  }
  return client
}
