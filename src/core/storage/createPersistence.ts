import { HasStorageError } from '../errors/HasStorageError.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { HasSession } from '../types.js'
import type { HasStorage } from './HasStorage.js'
import { applySessionChanges, reconcile, type SessionChange, type SessionIntent } from './sessionChanges.js'
import { MAX_RECENT_ACCOUNTS, MAX_STORED_TOMBSTONES, readStoredState, STORAGE_KEY, type StoredState, writeStoredState } from './sessionRecords.js'

/**
 * The client's side of storage. Every write reads what storage holds now and applies this client's changes to it, and
 * when another tab writes, this client checks that its own logins and logouts survived (two tabs writing at the same
 * instant can overwrite each other) and writes them again if not: so two logouts in two tabs both hold. Storage that
 * fails is reported, and memory carries on.
 */
export function createPersistence(storage: HasStorage, onError: (error: HasStorageError) => void) {
  let memory: StoredState = readStoredState(storage, Date.now()) ?? { sessions: [], pending: [], nonce: 0, removed: [], recent: [] }
  /** Uuids of the records this client wrote: the ones it may remove. Other tabs' records are left as they are. */
  let mine = new Set<string>()
  /** This client's logins and logouts, by auth_key (the newest kept): what it re-asserts after a concurrent write. */
  const intents = new Map<string, SessionIntent>()

  function remember(before: readonly { key: string }[], after: readonly { key: string }[], changes: readonly SessionChange[], now: number) {
    const kept = new Set(after.map((s) => s.key))
    for (const session of before as StoredState['sessions']) {
      if (!kept.has(session.key) && session.expire > now) note(session.key, { session, present: false })
    }
    for (const change of changes) if (change.type === 'upsert') note(change.session.key, { session: change.session, present: true })
  }

  function note(key: string, intent: SessionIntent) {
    intents.delete(key)
    intents.set(key, intent)
    if (intents.size > MAX_STORED_TOMBSTONES) intents.delete(intents.keys().next().value!)
  }

  function current(now: number): StoredState {
    return readStoredState(storage, now) ?? { ...memory, sessions: memory.sessions.filter((s) => s.expire > now) }
  }

  function save(state: StoredState) {
    memory = state
    try {
      writeStoredState(storage, state)
    } catch (cause) {
      onError(new HasStorageError(undefined, { cause }))
    }
  }

  return {
    /** What storage held when the client started. */
    initial: (): StoredState => memory,
    /** Merges session changes and this client's waiting records into storage in one write; returns the sessions and recent accounts. */
    write(changes: readonly SessionChange[], records?: readonly RequestRecord[], forget?: string): { sessions: HasSession[]; recent: string[] } {
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
      save({ sessions, pending, nonce: Math.max(stored.nonce, memory.nonce), removed, recent })
      return { sessions, recent }
    },
    /** A millisecond nonce above any this origin has used, in any tab, before or since a reload. */
    nextNonce(): number {
      const stored = current(Date.now())
      const nonce = Math.max(Date.now(), stored.nonce + 1, memory.nonce + 1)
      save({ ...stored, nonce })
      return nonce
    },
    /** Calls `listener` with the new sessions and recent accounts when another tab changes them (where the storage reports it). */
    subscribe(listener: (state: { sessions: HasSession[]; recent: string[] }) => void): () => void {
      return (
        storage.subscribe?.(STORAGE_KEY, () => {
          const now = Date.now()
          const stored = readStoredState(storage, now)
          if (!stored) return
          const merged = reconcile(stored, intents, now)
          const state = { ...stored, ...merged, nonce: Math.max(stored.nonce, memory.nonce) }
          const drifted =
            merged.sessions.length !== stored.sessions.length ||
            merged.removed.length !== stored.removed.length ||
            merged.sessions.some((s, i) => s !== stored.sessions[i])
          if (drifted)
            save(state) // another tab wrote over a login or logout of ours: write it again
          else memory = state
          listener({ sessions: merged.sessions, recent: stored.recent })
        }) ?? (() => {})
      )
    },
  }
}

/** The persistence's interface. */
export type Persistence = ReturnType<typeof createPersistence>
