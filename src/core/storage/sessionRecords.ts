import type { RequestRecord } from '../client/requestRecord'
import type { HasSession } from '../client/types'
import { checkAccountName } from '../protocol/accountName'
import { isRecord } from '../protocol/parseFrame'
import type { HasStorage } from './HasStorage'

/** The storage key; the version is part of it so a future format never misreads this one. */
export const STORAGE_KEY = 'hive-auth-react/v1'

/** What the client keeps between page loads. */
export interface StoredState {
  sessions: HasSession[]
  /** Requests that were waiting for the wallet, to re-attach after a reload. */
  pending: RequestRecord[]
}

/**
 * Reads the stored state, keeping only well-formed, unexpired sessions and requests. Corrupted or foreign data
 * yields empty lists, never an exception.
 */
export function readStoredState(storage: HasStorage, now: number): StoredState {
  const empty: StoredState = { sessions: [], pending: [] }
  let parsed: unknown
  try {
    const raw = storage.getItem(STORAGE_KEY)
    parsed = raw ? JSON.parse(raw) : undefined
  } catch {
    return empty
  }
  if (!isRecord(parsed) || parsed.version !== 1) return empty
  const sessions: HasSession[] = []
  for (const item of Array.isArray(parsed.sessions) ? parsed.sessions : []) {
    const session = toSession(item)
    if (session && session.expire > now && !sessions.some((s) => s.account === session.account)) sessions.push(session)
  }
  const pending: RequestRecord[] = []
  for (const item of Array.isArray(parsed.pending) ? parsed.pending : []) {
    const record = toRecord(item)
    if (record && record.expire > now && !pending.some((p) => p.uuid === record.uuid)) pending.push(record)
  }
  return { sessions, pending }
}

/** Reads only the sessions (see readStoredState). */
export function readSessions(storage: HasStorage, now: number): HasSession[] {
  return readStoredState(storage, now).sessions
}

/** Writes the state; a storage that refuses is ignored (the client keeps it in memory). */
export function writeStoredState(storage: HasStorage, state: { sessions: readonly HasSession[]; pending: readonly RequestRecord[] }): void {
  try {
    if (state.sessions.length === 0 && state.pending.length === 0) storage.removeItem(STORAGE_KEY)
    else storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions: state.sessions, pending: state.pending }))
  } catch {
    // Storage full or blocked.
  }
}

/** Writes sessions alone (no pending requests). */
export function writeSessions(storage: HasStorage, sessions: readonly HasSession[]): void {
  writeStoredState(storage, { sessions, pending: [] })
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

function toRecord(item: unknown): RequestRecord | undefined {
  if (!isRecord(item)) return undefined
  const { kind, account, key, flag, uuid, expire, host } = item
  if (kind !== 'auth' && kind !== 'sign' && kind !== 'challenge') return undefined
  if (typeof account !== 'string' || checkAccountName(account) || typeof flag !== 'boolean') return undefined
  if (![key, uuid, host].every((v) => typeof v === 'string' && v.length > 0)) return undefined
  if (typeof expire !== 'number' || !Number.isFinite(expire)) return undefined
  return { kind, account, key: key as string, flag, uuid: uuid as string, expire, host: host as string }
}
