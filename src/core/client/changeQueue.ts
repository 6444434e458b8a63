import type { HasSession, SettledRequest } from '../types.js'

/** What one change accumulated before it is committed. */
export interface QueuedChange {
  settled: SettledRequest[]
  sessions: HasSession[]
  answers: string[]
  /** Whether the waiting records changed (they are then persisted). */
  records: boolean
}

/** What one dispatch adds to the change under way. */
export interface ChangeNote {
  settled?: SettledRequest
  session?: HasSession
  answer?: string
  records?: boolean
}

/**
 * Collects what happens during one event (a frame, a drop, a timer, a call) and commits it once at the end, then
 * runs the app callbacks queued meanwhile, so they see the state they are told about.
 */
export function createChangeQueue(commit: (change: QueuedChange) => void) {
  let depth = 0
  let queued: QueuedChange | undefined
  let after: (() => void)[] = []

  function batch(fn: () => void) {
    depth++
    try {
      fn()
    } finally {
      depth--
      if (depth === 0) flush()
    }
  }

  function flush() {
    if (queued) {
      const change = queued
      queued = undefined
      commit(change)
    }
    const callbacks = after
    after = []
    for (const callback of callbacks) callback()
  }

  return {
    batch,
    /** Notes a change (and what it settled) to commit at the end of the current batch, or now outside one. */
    publish(note: ChangeNote = {}) {
      queued ??= { settled: [], sessions: [], answers: [], records: false }
      if (note.settled) queued.settled.push(note.settled)
      if (note.session) queued.sessions.push(note.session)
      if (note.answer) queued.answers.push(note.answer)
      queued.records ||= Boolean(note.records)
      if (depth === 0) flush()
    },
    /** Runs `callback` once the current batch is committed. */
    afterCommit(callback: () => void) {
      after.push(callback)
      if (depth === 0) flush()
    },
  }
}
