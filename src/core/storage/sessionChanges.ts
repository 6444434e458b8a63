import type { HasSession } from '../types'

/** A change to the list of sessions, applied to whatever storage holds at write time (so tabs merge, not overwrite). */
export type SessionChange =
  | { type: 'upsert'; session: HasSession }
  | { type: 'remove'; account: string }
  | { type: 'clear' }
  | { type: 'promote'; account: string }

/** Applies changes in order; an upserted or promoted account becomes the current one (first). Expired sessions go. */
export function applySessionChanges(list: readonly HasSession[], changes: readonly SessionChange[], now: number): HasSession[] {
  let sessions = list.filter((s) => s.expire > now)
  for (const change of changes) {
    if (change.type === 'clear') sessions = []
    else if (change.type === 'upsert') sessions = [change.session, ...sessions.filter((s) => s.account !== change.session.account)]
    else {
      const found = sessions.find((s) => s.account === change.account)
      sessions = sessions.filter((s) => s.account !== change.account)
      if (change.type === 'promote' && found) sessions.unshift(found)
    }
  }
  return sessions
}
