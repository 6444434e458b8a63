import { HasStorageError } from '../errors/HasStorageError'
import type { RequestRecord } from '../request/RequestRecord'
import type { HasSession } from '../types'
import type { HasStorage } from './HasStorage'
import { applySessionChanges, type SessionChange } from './sessionChanges'
import { readStoredState, STORAGE_KEY, type StoredState, writeStoredState } from './sessionRecords'

/**
 * The client's side of storage. Every write reads what storage holds now and applies this client's changes to it,
 * so two tabs that log out two accounts both hold. Storage that fails is reported, and memory carries on.
 */
export function createPersistence(storage: HasStorage, onError: (error: HasStorageError) => void) {
  let memory: StoredState = readStoredState(storage, Date.now()) ?? { sessions: [], pending: [], nonce: 0 }
  /** Uuids of the records this client wrote: the ones it may remove. Other tabs' records are left as they are. */
  let mine = new Set<string>()

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
    /** Merges session changes and this client's waiting records into storage in one write; returns the sessions. */
    write(changes: readonly SessionChange[], records?: readonly RequestRecord[]): HasSession[] {
      const now = Date.now()
      const stored = current(now)
      const sessions = applySessionChanges(stored.sessions, changes, now)
      let pending = stored.pending
      if (records) {
        const ours = new Set(records.map((r) => r.uuid))
        pending = [...records, ...stored.pending.filter((r) => !ours.has(r.uuid) && !mine.has(r.uuid))]
        mine = ours
      }
      save({ sessions, pending, nonce: Math.max(stored.nonce, memory.nonce) })
      return sessions
    },
    /** A millisecond nonce above any this origin has used, in any tab, before or since a reload. */
    nextNonce(): number {
      const stored = current(Date.now())
      const nonce = Math.max(Date.now(), stored.nonce + 1, memory.nonce + 1)
      save({ ...stored, nonce })
      return nonce
    },
    /** Calls `listener` with the new sessions when another tab changes them (where the storage reports it). */
    subscribe(listener: (sessions: HasSession[]) => void): () => void {
      return (
        storage.subscribe?.(STORAGE_KEY, () => {
          const stored = readStoredState(storage, Date.now())
          if (!stored) return
          memory = { ...stored, nonce: Math.max(stored.nonce, memory.nonce) }
          listener(stored.sessions)
        }) ?? (() => {})
      )
    },
  }
}

/** The persistence's interface. */
export type Persistence = ReturnType<typeof createPersistence>
