import { HasNotAuthenticatedError } from '../errors/HasNotAuthenticatedError.js'
import { HasSessionExpiredError } from '../errors/HasSessionExpiredError.js'
import { cleanAccountName, normalizeAccountName } from '../protocol/accountName.js'
import { DEFAULT_TIMEOUT_SECONDS } from '../protocol/constants.js'
import type { Persistence, PersistedView } from '../storage/createPersistence.js'
import type { SessionChange } from '../storage/sessionChanges.js'
import type { HasClientState, HasSession } from '../types.js'
import { applyRunnerChange, sameSessions } from './applyRunnerChange.js'
import type { RunnerChange } from './liveRequest.js'
import { scheduleAt } from './schedule.js'
import { createStore } from './store.js'

/**
 * The client's state and its sessions: one store, kept in step with persistence (this tab's changes, other tabs'
 * writes) and with the sessions' expiry. Every change is one store update.
 */
export function createClientState(persistence: Persistence) {
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

  function scheduleSessionExpiry() {
    clearTimeout(expiryTimer)
    let next = Number.POSITIVE_INFINITY
    for (const session of store.getState().sessions) next = Math.min(next, session.expire)
    if (next !== Number.POSITIVE_INFINITY) expiryTimer = scheduleAt(next, () => changeSessions())
  }
  scheduleSessionExpiry()
  const unsubscribeTabs = persistence.subscribe(showStored)

  return {
    initial,
    store,
    isSpent: (fingerprint: string) => spent.has(fingerprint),
    showStored,
    changeSessions,
    /** Applies one change of the request runner, and stores what it brings (sessions, spent answers, records). */
    commit(change: RunnerChange) {
      const changes: SessionChange[] = change.sessions.map((session) => ({ type: 'upsert', session }))
      const write = changes.length > 0 || change.records || change.answers.length > 0
      const stored = write ? persistence.write({ changes, records: change.records, answers: change.answers }) : undefined
      if (stored) spent = new Set(stored.answers)
      setState((s) => withStored(applyRunnerChange(s, change, stored?.sessions), stored?.recent))
    },
    /** The live session of an account; HasNotAuthenticatedError or HasSessionExpiredError when there is none. */
    requireSession(account: string): HasSession {
      const name = normalizeAccountName(account)
      const session = store.getState().sessions.find((s) => s.account === name)
      if (!session) throw new HasNotAuthenticatedError(`@${name} is not logged in.`)
      if (session.expire <= Date.now()) {
        changeSessions()
        throw new HasSessionExpiredError(`The session of @${name} has expired; log in again.`)
      }
      return session
    },
    /** The live session of an account that holds a wallet token (what a renewal needs), if any. */
    renewable(account: string): HasSession | undefined {
      const name = cleanAccountName(account)
      return store.getState().sessions.find((s) => s.account === name && s.token && s.expire > Date.now())
    },
    close() {
      clearTimeout(expiryTimer)
      unsubscribeTabs()
    },
  }
}

/** The state with the recent accounts storage holds (kept as the same array while unchanged). */
function withStored(state: HasClientState, recent: readonly string[] | undefined): HasClientState {
  if (!recent || (recent.length === state.recent.length && recent.every((a, i) => a === state.recent[i]))) return state
  return { ...state, recent }
}
