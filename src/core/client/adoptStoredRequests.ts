import type { ChainOptions } from '../chain/rpc.js'
import { deepLinkFor } from '../request/deepLinkFor.js'
import { restoreAuthRequest } from '../requestBuilders/authRequest.js'
import { normalizeHost } from '../protocol/hosts.js'
import { expiryFor } from '../request/expiryHints.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import type { ClientRunner } from './lazyRunner.js'

/**
 * Takes over the requests this tab left waiting before a reload, so a late answer still counts. Another open tab's
 * requests are left to it; records without a tab (outside a browser) are taken by whoever starts. Only records on one
 * of the client's own relays are taken: a relay address read from storage is never dialled on storage's word.
 */
export function adoptStoredRequests(
  runner: ClientRunner,
  records: readonly RequestRecord[],
  options: { tab: string | undefined; hosts: readonly string[]; chain?: ChainOptions },
): void {
  const hosts = new Set(options.hosts)
  for (const record of records) {
    if (record.tab && options.tab && record.tab !== options.tab) continue
    if (!hosts.has(safeHost(record.host))) continue
    runner.adopt(restoredSpec(record, options.chain), record).catch(() => {})
  }
}

/**
 * A restored request's spec. A login's is the one authRequest builds (its answer's reading and its checks). A sign's
 * or challenge's shows what the state needs at once (its link, its expiry) and loads the reading of its answer on
 * first use, so a page that never signs does not load the sign request's code to restore nothing.
 */
function restoredSpec(record: RequestRecord, chain: ChainOptions | undefined): RequestSpec<unknown> {
  if (record.kind === 'auth') return restoreAuthRequest(record, chain) as RequestSpec<unknown>
  let loading: Promise<RequestSpec<unknown>> | undefined
  const full = () => {
    loading ??= (
      record.kind === 'sign'
        ? import('../requestBuilders/signRequest.js').then((m) => m.restoreSignRequest(record, chain))
        : import('../requestBuilders/challengeRequest.js').then((m) => m.restoreChallengeRequest(record))
    ) as Promise<RequestSpec<unknown>>
    return loading
  }
  const { kind, account, key } = record
  return {
    kind,
    account,
    key,
    record,
    deepLink: deepLinkFor(record),
    readAck: async (data, host) => (await full()).readAck(data, host),
    expired: expiryFor(record),
  }
}

function safeHost(host: string): string {
  try {
    return normalizeHost(host)
  } catch {
    return ''
  }
}
