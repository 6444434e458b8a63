import type { HasSession } from '../client/types'
import { checkAccountName } from '../protocol/accountName'
import { isRecord } from '../protocol/parseFrame'
import type { HasStorage } from './HasStorage'

/** The storage key; the version is part of it so a future format never misreads this one. */
export const STORAGE_KEY = 'hive-auth-react/v1'

/**
 * Reads the stored sessions, keeping only well-formed, unexpired ones. Corrupted or foreign data yields an empty
 * list, never an exception.
 */
export function readSessions(storage: HasStorage, now: number): HasSession[] {
  let raw: string | null
  try {
    raw = storage.getItem(STORAGE_KEY)
  } catch {
    return []
  }
  if (!raw) return []
  let parsed: unknown
  try {
    parsed = JSON.parse(raw)
  } catch {
    return []
  }
  if (!isRecord(parsed) || parsed.version !== 1 || !Array.isArray(parsed.sessions)) return []
  const sessions: HasSession[] = []
  for (const item of parsed.sessions) {
    const session = toSession(item)
    if (session && session.expire > now && !sessions.some((s) => s.account === session.account)) sessions.push(session)
  }
  return sessions
}

/** Writes the sessions; a storage that refuses is ignored (the client keeps them in memory). */
export function writeSessions(storage: HasStorage, sessions: readonly HasSession[]): void {
  try {
    if (sessions.length === 0) storage.removeItem(STORAGE_KEY)
    else storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions }))
  } catch {
    // Storage full or blocked.
  }
}

function toSession(item: unknown): HasSession | undefined {
  if (!isRecord(item)) return undefined
  const { account, key, expire, token, host, challenge } = item
  if (typeof account !== 'string' || checkAccountName(account)) return undefined
  if (typeof key !== 'string' || key.length === 0 || typeof host !== 'string' || host.length === 0) return undefined
  if (typeof expire !== 'number' || !Number.isFinite(expire)) return undefined
  if (token !== undefined && typeof token !== 'string') return undefined
  const session: HasSession = { account, key, expire, host }
  if (typeof token === 'string') session.token = token
  if (challenge !== undefined) {
    if (!isRecord(challenge) || typeof challenge.pubkey !== 'string' || typeof challenge.signature !== 'string') return undefined
    session.challenge = { pubkey: challenge.pubkey, signature: challenge.signature }
  }
  return session
}
