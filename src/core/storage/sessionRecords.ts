import { checkAccountName } from '../protocol/accountName.js'
import { KEY_TYPES, type KeyType, MAX_CHALLENGE_CHARS, MAX_SESSION_MS } from '../protocol/constants.js'
import { isRecord } from '../protocol/parseFrame.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { HasSession } from '../types.js'
import type { HasStorage } from './HasStorage.js'

/**
 * The storage key; the version is part of it so a format never misreads another. Version 2 adds sessions of wallets
 * other than HiveAuth (`connector`): a tab still running a version-1 bundle keeps writing its own key, so it can never
 * erase them (it would drop sessions it cannot read from a record it rewrites).
 */
export const STORAGE_KEY = 'hive-auth-react/v2'
/** Version 1's key: read once, to migrate, while version 2 has never been written. */
export const LEGACY_STORAGE_KEY = 'hive-auth-react/v1'
/** A connector id as stored with a session. */
const CONNECTOR_ID = /^[a-z][a-z0-9-]{0,31}$/

/** At most this many sessions are kept (the most recent), and this many waiting requests. */
export const MAX_STORED_SESSIONS = 64
export const MAX_STORED_REQUESTS = 32
/** Keys of sessions logged out, kept so that a tab writing a stale list cannot bring them back (the newest kept). */
export const MAX_STORED_TOMBSTONES = 128
/** Fingerprints of accepted wallet answers kept to refuse their replay (the newest kept). */
export const MAX_SPENT_ANSWERS = 256
/** A stored nonce further ahead of the clock than this is not believed (nonces are millisecond times). */
const MAX_NONCE_LEAD_MS = 24 * 3600 * 1000
const FINGERPRINT = /^[0-9a-f]{24}$/

/** What the client keeps between page loads, shared by the tabs of one origin. */
export interface StoredState {
  sessions: HasSession[]
  /** Requests that were waiting for the wallet, to re-attach after a reload. */
  pending: RequestRecord[]
  /** The last nonce any tab sent (nonces must keep increasing for a session's key). */
  nonce: number
  /** The auth_keys of sessions logged out: a login with one of them never comes back. */
  removed: string[]
  /** Accounts logged in before on this device, most recent first (names only), offered as one-tap choices. */
  recent: string[]
  /** Fingerprints of the wallet answers accepted so far, oldest first: each is single-use. */
  answers: string[]
  /** The keys of stored sessions that say they were verified: a claim to check again, never a fact. */
  claimedVerified: string[]
}

/** A state with nothing in it. */
export const EMPTY_STATE: StoredState = { sessions: [], pending: [], nonce: 0, removed: [], recent: [], answers: [], claimedVerified: [] }

/** How many recent account names are kept. */
export const MAX_RECENT_ACCOUNTS = 8

/**
 * Reads the stored state, keeping only well-formed, unexpired, bounded sessions and requests, in one pass.
 * Corrupted or foreign data yields empty lists; a storage that throws yields undefined. Never throws.
 */
export function readStoredState(storage: HasStorage, now: number): StoredState | undefined {
  let raw: string | null
  try {
    raw = storage.getItem(STORAGE_KEY) ?? storage.getItem(LEGACY_STORAGE_KEY)
  } catch {
    return undefined
  }
  let parsed: unknown
  try {
    parsed = raw ? JSON.parse(raw) : undefined
  } catch {
    return EMPTY_STATE
  }
  if (!isRecord(parsed) || (parsed.version !== 1 && parsed.version !== 2)) return EMPTY_STATE
  const sessions = keep(parsed.sessions, toSession, (s) => s.account, now, MAX_STORED_SESSIONS)
  const { nonce } = parsed
  return {
    sessions,
    pending: keep(parsed.pending, toRecord, (r) => r.uuid, now, MAX_STORED_REQUESTS),
    nonce: typeof nonce === 'number' && Number.isSafeInteger(nonce) && nonce > 0 && nonce <= now + MAX_NONCE_LEAD_MS ? nonce : 0,
    removed: Array.isArray(parsed.removed) ? parsed.removed.filter(nonEmpty).slice(-MAX_STORED_TOMBSTONES) : [],
    recent: Array.isArray(parsed.recent)
      ? [...new Set(parsed.recent.filter((n): n is string => typeof n === 'string' && !checkAccountName(n)))].slice(0, MAX_RECENT_ACCOUNTS)
      : [],
    answers: Array.isArray(parsed.answers)
      ? parsed.answers.filter((a): a is string => typeof a === 'string' && FINGERPRINT.test(a)).slice(-MAX_SPENT_ANSWERS)
      : [],
    claimedVerified: Array.isArray(parsed.sessions)
      ? parsed.sessions.flatMap((s) => (isRecord(s) && s.verified === true && sessions.some((t) => t.key === s.key) ? [s.key as string] : []))
      : [],
  }
}

/**
 * Writes the state; a logged-out state is removed, or blanked where removal fails. Returns what storage should now
 * hold (null: nothing), so the caller can check it was kept. Throws when nothing sticks.
 */
export function writeStoredState(storage: HasStorage, state: Omit<StoredState, 'claimedVerified'>): string | null {
  const { sessions, pending, nonce, removed, recent, answers } = state
  if (!sessions.length && !pending.length && !nonce && !removed.length && !recent.length && !answers.length) {
    try {
      // Removed only where no version-1 record would then be read (and migrated) in its place.
      if (storage.getItem(LEGACY_STORAGE_KEY) === null) {
        storage.removeItem(STORAGE_KEY)
        return null
      }
    } catch {
      // Fall through: an empty record logs out just as well.
    }
  }
  const value = JSON.stringify({
    version: 2,
    sessions: sessions.slice(0, MAX_STORED_SESSIONS),
    pending: pending.slice(0, MAX_STORED_REQUESTS),
    nonce,
    removed: removed.slice(-MAX_STORED_TOMBSTONES),
    recent: recent.slice(0, MAX_RECENT_ACCOUNTS),
    answers, // bounded where they are merged (createPersistence)
  })
  storage.setItem(STORAGE_KEY, value)
  return value
}

/** Keeps the well-formed items that have not expired and do not claim to last longer than the kit ever keeps one. */
function keep<T extends { expire: number }>(
  list: unknown,
  read: (item: unknown) => T | undefined,
  id: (item: T) => string,
  now: number,
  max: number,
): T[] {
  const kept: T[] = []
  const seen = new Set<string>()
  for (const item of Array.isArray(list) ? list : []) {
    const value = read(item)
    if (!value || value.expire <= now || value.expire > now + MAX_SESSION_MS || seen.has(id(value))) continue
    seen.add(id(value))
    kept.push(value)
    if (kept.length === max) break
  }
  return kept
}

const nonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0

function toSession(item: unknown): HasSession | undefined {
  if (!isRecord(item)) return undefined
  const { account, key, expire, token, host, challenge, connector } = item
  if (typeof account !== 'string' || checkAccountName(account)) return undefined
  if (connector !== undefined && (typeof connector !== 'string' || !CONNECTOR_ID.test(connector) || connector === 'hiveauth')) return undefined
  // A HiveAuth session lives on a relay; another wallet's has none.
  const hostOk = connector === undefined ? nonEmpty(host) : host === ''
  if (!nonEmpty(key) || !hostOk || typeof expire !== 'number' || !Number.isFinite(expire)) return undefined
  if (token !== undefined && typeof token !== 'string') return undefined
  const session: HasSession = { account, key, expire, host: host as string }
  if (typeof token === 'string') session.token = token
  if (connector !== undefined) session.connector = connector
  // `verified` is not read: storage's word is no proof (see claimedVerified).
  if (challenge !== undefined) {
    if (!isRecord(challenge) || typeof challenge.pubkey !== 'string' || typeof challenge.signature !== 'string') return undefined
    const message = typeof challenge.message === 'string' && challenge.message.length <= MAX_CHALLENGE_CHARS ? challenge.message : ''
    session.challenge = { message, pubkey: challenge.pubkey, signature: challenge.signature }
    if (KEY_TYPES.includes(challenge.keyType as KeyType)) session.challenge.keyType = challenge.keyType as KeyType
  }
  return session
}

function toRecord(item: unknown): RequestRecord | undefined {
  if (!isRecord(item)) return undefined
  const { kind, account, key, uuid, expire, host, challenge, broadcast, ops, keyType, service, verify, tab } = item
  if (kind !== 'auth' && kind !== 'sign' && kind !== 'challenge') return undefined
  if (typeof account !== 'string' || checkAccountName(account)) return undefined
  if (!nonEmpty(key) || !nonEmpty(uuid) || !nonEmpty(host) || typeof expire !== 'number' || !Number.isFinite(expire)) return undefined
  const record: RequestRecord = { kind, account, key, uuid, expire, host }
  if (challenge !== undefined) {
    if (!isRecord(challenge) || !KEY_TYPES.includes(challenge.keyType as KeyType)) return undefined
    if (typeof challenge.message !== 'string' || !challenge.message || challenge.message.length > MAX_CHALLENGE_CHARS) return undefined
    record.challenge = { keyType: challenge.keyType as KeyType, message: challenge.message }
    if (challenge.decrypt === true) record.challenge.decrypt = true
  }
  if (kind === 'challenge' && !record.challenge) return undefined
  if (broadcast !== undefined) {
    if (typeof broadcast !== 'boolean') return undefined
    record.broadcast = broadcast
  }
  if (kind === 'sign' && broadcast === false) {
    if (!Array.isArray(ops)) return undefined
    record.ops = ops
    // Records written before keyType was kept are checked against the posting authority, which any of the keys carry.
    record.keyType = keyType === 'active' ? 'active' : 'posting'
  }
  if (service === true) record.service = true
  if (verify === true && record.challenge) record.verify = true
  if (nonEmpty(tab)) record.tab = tab
  return record
}
