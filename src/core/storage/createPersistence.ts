import { HasStorageError } from '../errors/HasStorageError.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { HasSession } from '../types.js'
import type { HasStorage } from './HasStorage.js'
import { applySessionChanges, reconcile, type SessionChange, type SessionIntent } from './sessionChanges.js'
import {
  EMPTY_STATE,
  MAX_RECENT_ACCOUNTS,
  MAX_SPENT_ANSWERS,
  MAX_STORED_TOMBSTONES,
  readStoredState,
  STORAGE_KEY,
  type StoredState,
  writeStoredState,
} from './sessionRecords.js'

/** One write: session changes, this client's waiting records, a recent account to forget, answers now spent. */
export interface PersistenceWrite {
  changes?: readonly SessionChange[]
  records?: readonly RequestRecord[]
  forget?: string
  answers?: readonly string[]
}

/** What the client shows of storage: sessions (verified only where this client checked), recent accounts, spent answers. */
export interface PersistedView {
  sessions: HasSession[]
  recent: string[]
  answers: readonly string[]
}

/**
 * The client's side of storage. Every write reads what storage holds now and applies this client's changes to it, and
 * when another tab writes, this client checks that its own logins and logouts survived (two tabs writing at the same
 * instant can overwrite each other) and writes them again if not: so two logouts in two tabs both hold. Storage that
 * fails, or silently keeps nothing, is reported, and memory carries on: what this client did holds for this page.
 */
export function createPersistence(storage: HasStorage, onError: (error: HasStorageError) => void) {
  let memory: StoredState = readStoredState(storage, Date.now()) ?? EMPTY_STATE
  /** Uuids of the records this client wrote: the ones it may remove. Other tabs' records are left as they are. */
  let mine = new Set<string>()
  /** This client's logins and logouts, by auth_key (the newest kept): what it re-asserts after a concurrent write. */
  const intents = new Map<string, SessionIntent>()
  /** Keys of sessions this client saw verified (its own logins, or stored claims it checked): the only verified ones. */
  const trusted = new Set<string>()

  /**
   * Notes what a change did: a stored session it replaced or removed was logged out, and so is every session of an
   * account this client logs out, even one storage never kept (a write it refused or dropped).
   */
  function remember(before: readonly HasSession[], after: readonly HasSession[], changes: readonly SessionChange[], now: number) {
    const kept = new Set(after.map((s) => s.key))
    for (const session of before) {
      if (!kept.has(session.key) && session.expire > now) note(session.key, { session, present: false })
    }
    for (const change of changes) {
      if (change.type === 'upsert') {
        note(change.session.key, { session: change.session, present: true })
        if (change.session.verified) trusted.add(change.session.key)
      } else if (change.type === 'remove' || change.type === 'clear') {
        const known = [...memory.sessions, ...[...intents.values()].flatMap((i) => (i.present ? [i.session] : []))]
        for (const session of known) {
          if (change.type === 'clear' || session.account === change.account) note(session.key, { session, present: false })
        }
      }
    }
  }

  function note(key: string, intent: SessionIntent) {
    intents.delete(key)
    intents.set(key, intent)
    if (intents.size > MAX_STORED_TOMBSTONES) intents.delete(intents.keys().next().value!)
  }

  /** Storage's state, or memory's where storage cannot be read or keeps nothing of ours. */
  function current(now: number): StoredState {
    const stored = readStoredState(storage, now) ?? { ...memory, sessions: memory.sessions.filter((s) => s.expire > now) }
    return { ...stored, answers: merge(memory.answers, stored.answers) }
  }

  function save(state: StoredState) {
    memory = state
    try {
      const written = writeStoredState(storage, state)
      if (storage.getItem(STORAGE_KEY) !== written) throw new Error('Storage did not keep the value written.')
    } catch (cause) {
      onError(new HasStorageError(undefined, { cause }))
    }
  }

  /** The sessions as the client shows them: `verified` where this client saw it so (storage never says it: see toSession). */
  function view(state: StoredState): PersistedView {
    return { sessions: withTrust(state.sessions), recent: state.recent, answers: state.answers }
  }

  return {
    /** What storage held when the client started. */
    initial: (): PersistedView & { pending: RequestRecord[]; claimedVerified: string[] } => ({
      ...view(memory),
      pending: memory.pending,
      claimedVerified: memory.claimedVerified,
    }),
    /** Merges one client change into storage in one write; returns what the client should now show. */
    write(change: PersistenceWrite): PersistedView {
      const { changes = [], records, forget, answers = [] } = change
      const now = Date.now()
      const stored = current(now)
      const changed = applySessionChanges(stored.sessions, changes, now)
      remember(stored.sessions, changed, changes, now)
      const { sessions, removed } = reconcile({ sessions: changed, removed: stored.removed }, intents, now)
      let pending = stored.pending
      if (records) {
        const ours = new Set(records.map((r) => r.uuid))
        pending = [...records, ...stored.pending.filter((r) => !ours.has(r.uuid) && !mine.has(r.uuid))]
        mine = ours
      }
      const logins = changes.flatMap((c) => (c.type === 'upsert' ? [c.session.account] : []))
      const recent = [...new Set([...logins, ...stored.recent])].filter((a) => a !== forget).slice(0, MAX_RECENT_ACCOUNTS)
      const nonce = Math.max(stored.nonce, memory.nonce)
      const state = { sessions: withTrust(sessions), pending, nonce, removed, recent, answers: merge(stored.answers, answers), claimedVerified: [] }
      save(state)
      return view(state)
    },
    /** Marks a stored session as verified after this client checked it; returns the new view (undefined if it is gone). */
    trust(key: string): PersistedView | undefined {
      trusted.add(key)
      return memory.sessions.some((s) => s.key === key) ? view(memory) : undefined
    },
    /** A millisecond nonce above any this origin has used, in any tab, before or since a reload. */
    nextNonce(): number {
      const stored = current(Date.now())
      const nonce = Math.max(Date.now(), stored.nonce + 1, memory.nonce + 1)
      save({ ...stored, nonce })
      return nonce
    },
    /** Calls `listener` with the new view when another tab changes storage (where the storage reports it). */
    subscribe(listener: (state: PersistedView) => void): () => void {
      return (
        storage.subscribe?.(STORAGE_KEY, () => {
          const now = Date.now()
          const stored = readStoredState(storage, now)
          if (!stored) return
          const merged = reconcile(stored, intents, now)
          const state = { ...stored, ...merged, nonce: Math.max(stored.nonce, memory.nonce), answers: merge(stored.answers, memory.answers) }
          const drifted =
            merged.sessions.length !== stored.sessions.length ||
            merged.removed.length !== stored.removed.length ||
            merged.sessions.some((s, i) => s !== stored.sessions[i])
          if (drifted)
            save({ ...state, sessions: withTrust(state.sessions) }) // another tab wrote over a login or logout of ours: write it again
          else memory = state
          listener(view(state))
        }) ?? (() => {})
      )
    },
  }

  /** Sessions with `verified` where this client knows it (also as written, so a reload knows to check it again). */
  function withTrust(sessions: readonly HasSession[]): HasSession[] {
    return sessions.map((s) => (trusted.has(s.key) && !s.verified ? { ...s, verified: true as const } : s))
  }
}

/** The persistence's interface. */
export type Persistence = ReturnType<typeof createPersistence>

/** The union of two lists of answer fingerprints, oldest first, bounded. */
function merge(a: readonly string[], b: readonly string[]): string[] {
  if (b.length === 0) return a.slice(-MAX_SPENT_ANSWERS)
  return [...new Set([...a, ...b])].slice(-MAX_SPENT_ANSWERS)
}
