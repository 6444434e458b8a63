import type { RequestKind } from '../protocol/messages'

/** What must be kept of a waiting request to pick its answer up after a reload. Holds the auth_key, like a session. */
export interface RequestRecord {
  kind: RequestKind
  account: string
  key: string
  /** Whether the login asked for a signed challenge / the transaction was to be broadcast / the challenge was a decrypt. */
  flag: boolean
  uuid: string
  expire: number
  host: string
}

/** The part of a record known before the relay assigns a uuid. */
export type RequestRecordDraft = Omit<RequestRecord, 'uuid' | 'expire' | 'host'>
