import { restoreAuthRequest } from '../requestBuilders/authRequest.js'
import { restoreChallengeRequest } from '../requestBuilders/challengeRequest.js'
import { restoreSignRequest } from '../requestBuilders/signRequest.js'
import type { ChainOptions } from '../chain/rpc.js'
import { normalizeHost } from '../protocol/hosts.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { RequestRunner } from './requestRunner.js'

/**
 * Takes over the requests this tab left waiting before a reload, so a late answer still counts. Another open tab's
 * requests are left to it; records without a tab (outside a browser) are taken by whoever starts. Only records on one
 * of the client's own relays are taken: a relay address read from storage is never dialled on storage's word.
 */
export function adoptStoredRequests(
  runner: RequestRunner,
  records: readonly RequestRecord[],
  options: { tab: string | undefined; hosts: readonly string[]; chain?: ChainOptions },
): void {
  const hosts = new Set(options.hosts)
  for (const record of records) {
    if (record.tab && options.tab && record.tab !== options.tab) continue
    if (!hosts.has(safeHost(record.host))) continue
    const spec =
      record.kind === 'auth'
        ? restoreAuthRequest(record, options.chain)
        : record.kind === 'sign'
          ? restoreSignRequest(record)
          : restoreChallengeRequest(record)
    runner.adopt(spec as Parameters<RequestRunner['adopt']>[0], record).catch(() => {})
  }
}

function safeHost(host: string): string {
  try {
    return normalizeHost(host)
  } catch {
    return ''
  }
}
