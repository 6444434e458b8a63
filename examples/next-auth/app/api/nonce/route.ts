import { issueNonce } from 'hive-auth-react/server'
import { nonces } from '../../../lib/auth'

/** A fresh nonce for the next login (single use, ten minutes). */
export async function GET() {
  return new Response(await issueNonce(nonces), { headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } })
}
