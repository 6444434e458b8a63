import type { KeyType } from '../protocol/constants.js'
import type { RequestKind } from '../protocol/messages.js'

/** What must be kept of a waiting request to pick its answer up after a reload. Holds the auth_key, like a session. */
export interface RequestRecord {
  kind: RequestKind
  account: string
  key: string
  uuid: string
  /** Local deadline (ms epoch). */
  expire: number
  host: string
  /** The message the wallet signs (a challenge, or a login's challenge), kept so a late answer is still checked. */
  challenge?: { keyType: KeyType; message: string; decrypt?: boolean }
  /** Sign requests: whether the wallet was asked to broadcast. */
  broadcast?: boolean
  /** Sign-only requests: the operations asked for, which the signed transaction must hold. */
  ops?: readonly unknown[]
  /** Sign-only requests: the authority whose key must have signed. */
  keyType?: 'posting' | 'active'
  /** A login whose key is checked on chain before it counts. */
  verify?: true
  /** Made in service mode (the auth_key went to a headless PKSA under a shared secret). */
  service?: true
  /** The browser tab that made it: only a reload of that tab takes its answer over. */
  tab?: string
}

/** The part of a record known before the relay assigns a uuid. */
export type RequestRecordDraft = Omit<RequestRecord, 'uuid' | 'expire' | 'host' | 'tab'>
