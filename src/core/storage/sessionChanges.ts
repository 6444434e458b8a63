import type { HasSession } from '../types.js'

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

/** What one client did to a session (by its auth_key): logged it in, or out. */
export interface SessionIntent {
  session: HasSession
  present: boolean
}

/**
 * Brings what storage holds in line with what this client did, so concurrent writes from several tabs converge: a
 * session this client logged out stays out (its key joins the tombstones), and one it logged in comes back if a tab
 * that had not seen it wrote over it, unless its key was logged out since, or the account logged in again elsewhere.
 */
export function reconcile(
  stored: { sessions: readonly HasSession[]; removed: readonly string[] },
  intents: ReadonlyMap<string, SessionIntent>,
  now: number,
): { sessions: HasSession[]; removed: string[] } {
  const removed = new Set(stored.removed)
  for (const [key, intent] of intents) if (!intent.present) removed.add(key)
  const sessions = stored.sessions.filter((s) => !removed.has(s.key) && s.expire > now)
  for (const [key, intent] of intents) {
    const missing = intent.present && !removed.has(key) && intent.session.expire > now && !sessions.some((s) => s.account === intent.session.account)
    if (missing) sessions.push(intent.session)
  }
  return { sessions, removed: [...removed] }
}
