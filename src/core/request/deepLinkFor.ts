import { buildAuthLink, buildRequestLink } from '../protocol/links.js'
import type { RequestRecordDraft } from './RequestRecord.js'

/** A request's link from the relay's uuid and host: a login's carries its key, a sign or challenge only names itself. */
export function deepLinkFor({ kind, account, key }: Pick<RequestRecordDraft, 'kind' | 'account' | 'key'>) {
  return (uuid: string, host: string): string =>
    kind === 'auth' ? buildAuthLink({ account, uuid, key, host }) : buildRequestLink(kind, { account, uuid, host })
}
