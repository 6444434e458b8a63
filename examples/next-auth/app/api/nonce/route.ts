import { issueNonce } from 'hive-auth-react/server'
import { store } from '../../../lib/auth'
import { mayIssueNonce } from '../../../lib/nonceLimit'

/** A fresh nonce for the next login (single use, ten minutes); at most 30 a minute per client. */
export async function GET(request: Request) {
  if (!mayIssueNonce(request)) return new Response('too many nonces; wait a minute', { status: 429 })
  return new Response(await issueNonce(store), { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } })
}
