import { restoreAuthRequest } from '../actions/authenticate.js'
import { restoreChallengeRequest } from '../actions/challenge.js'
import { restoreSignRequest } from '../actions/sign.js'
import type { ChainOptions } from '../chain/rpc.js'
import type { RequestRecord } from '../request/RequestRecord.js'
import type { RequestRunner } from './requestRunner.js'

/**
 * Takes over the requests this tab left waiting before a reload, so a late answer still counts. Another open tab's
 * requests are left to it; records without a tab (outside a browser) are taken by whoever starts.
 */
export function adoptStoredRequests(runner: RequestRunner, records: readonly RequestRecord[], tab: string | undefined, chain?: ChainOptions): void {
  for (const record of records) {
    if (record.tab && tab && record.tab !== tab) continue
    const spec =
      record.kind === 'auth'
        ? restoreAuthRequest(record, chain)
        : record.kind === 'sign'
          ? restoreSignRequest(record)
          : restoreChallengeRequest(record)
    runner.adopt(spec as Parameters<RequestRunner['adopt']>[0], record).catch(() => {})
  }
}
