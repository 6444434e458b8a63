import { sha256 } from '@noble/hashes/sha2.js'
import { writeHiveSignerToken } from '../core/connectors/hiveSignerToken.js'
import { accountFromSpec, type DevkitAccountSpec } from './accounts.js'
import type { DevkitChain } from './chain.js'
import { signDigest } from './keys.js'
import { signedTransaction } from './walletAnswers.js'

/** What the simulated user does on the fake HiveSigner's Authorize page. */
export type FakeHiveSignerDecision = 'approve' | 'reject' | 'manual'

/** What a fake HiveSigner holds: the accounts that can log in, the chain its broadcasts land on, the registered apps. */
export interface HiveSignerServiceOptions {
  /** The accounts that can log in (a login asks for `account`, else the first). */
  accounts: readonly DevkitAccountSpec[]
  /** Where its broadcasts land. */
  chain: DevkitChain
  /** The registered apps and the callback pages each allows (HiveSigner refuses any other `redirect_uri`). */
  apps: Readonly<Record<string, readonly string[]>>
}

/** An answer of its API: the status and the JSON body HiveSigner sends. */
export interface HiveSignerApiAnswer {
  status: number
  body: unknown
}

/** The operations its API broadcasts, and the field naming the account that must be the token's (HiveSigner's lists). */
const API_AUTHOR: Record<string, (op: Record<string, unknown>) => unknown> = {
  vote: (op) => op.voter,
  comment: (op) => op.author,
  delete_comment: (op) => op.author,
  comment_options: (op) => op.author,
  custom_json: (op) => (op.required_posting_auths as unknown[] | undefined)?.[0],
  claim_reward_balance: (op) => op.account,
  account_update2: (op) => op.account,
}
/** Seconds a token lasts (HiveSigner's `expires_in`). */
const EXPIRES_IN = 604_800
const INVALID_GRANT = { status: 401, body: { error: 'invalid_grant', error_description: 'The token has invalid role' } }

/**
 * HiveSigner's behaviour, whatever carries it (the Node server on 127.0.0.1, or the in-page fake of a story): the
 * Authorize page's checks, the tokens it issues (its format, signed with the user's posting key), and its API.
 */
export function createHiveSignerService(options: HiveSignerServiceOptions) {
  const accounts = options.accounts.map(accountFromSpec)
  const issued = new Map<string, { account: string; scope: string }>()
  const tokens: string[] = []

  /** Whether the app is registered with this `redirect_uri` (else HiveSigner shows an error and sends nobody back). */
  const allows = (query: URLSearchParams) => Boolean(options.apps[query.get('client_id') ?? '']?.includes(query.get('redirect_uri') ?? ''))

  /** Who is logged in to HiveSigner for this login: the account asked for if it holds it, else its first. */
  const holder = (query: URLSearchParams) => accounts.find((a) => a.name === query.get('account')) ?? accounts[0]!

  /** The user approved: a token for the account, and the address HiveSigner sends the user back to. */
  function grant(query: URLSearchParams): string {
    const held = holder(query)
    const type = (query.get('scope') ?? 'login').split(',').includes('posting') ? 'posting' : 'login'
    const token = writeHiveSignerToken({ account: held.name, app: query.get('client_id')!, type, timestamp: Math.floor(Date.now() / 1000) }, (text) =>
      signDigest(sha256(new TextEncoder().encode(text)), held.keys.posting!),
    )
    issued.set(token, { account: held.name, scope: type })
    tokens.push(token)
    const back = new URL(query.get('redirect_uri')!)
    const answer = { access_token: token, expires_in: String(EXPIRES_IN), username: held.name, state: query.get('state') ?? '' }
    for (const [key, value] of Object.entries(answer)) back.searchParams.set(key, value)
    return back.href
  }

  /** `/api/broadcast`: the token's scope and account checked as HiveSigner checks them, then onto the chain. */
  function broadcast(authorization: string, body: string): HiveSignerApiAnswer {
    const holder = issued.get(authorization)
    if (!holder) return INVALID_GRANT
    let operations: [string, Record<string, unknown>][] = []
    try {
      operations = (JSON.parse(body) as { operations: [string, Record<string, unknown>][] }).operations
    } catch {}
    const outside = operations.filter(([name]) => !API_AUTHOR[name] || holder.scope === 'login').map(([name]) => name)
    if (!operations.length || outside.length) {
      const description = `The access_token scope does not allow the following operation(s): ${outside.join(', ')}`
      return { status: 401, body: { error: 'invalid_scope', error_description: description } }
    }
    if (operations.some(([name, op]) => API_AUTHOR[name]!(op) !== holder.account)) {
      const description = `This access_token allow you to broadcast transaction only for the account @${holder.account}`
      return { status: 401, body: { error: 'unauthorized_client', error_description: description } }
    }
    try {
      const key = accounts.find((a) => a.name === holder.account)!.keys.posting!
      const id = options.chain.broadcast(signedTransaction(operations, key, Date.now() + 60_000, options.chain))
      return { status: 200, body: { result: { id, block_num: options.chain.transactions().at(-1)?.blockNum, trx_num: 0, expired: false } } }
    } catch (error) {
      return { status: 500, body: { error: 'server_error', error_description: error instanceof Error ? error.message : 'broadcast failed' } }
    }
  }

  /** Its API by path (`/api/broadcast`, `/api/me`, the token revoke); undefined for any other path. */
  function api(path: string, method: string, authorization: string, body: string): HiveSignerApiAnswer | undefined {
    if (path === '/api/broadcast' && method === 'POST') return broadcast(authorization, body)
    if (path === '/api/me') {
      const holder = issued.get(authorization)
      if (!holder) return INVALID_GRANT
      return { status: 200, body: { user: holder.account, name: holder.account, account: options.chain.account(holder.account) } }
    }
    if (path.startsWith('/api/oauth2/token/revoke')) return { status: 200, body: { success: true } }
    return undefined
  }

  return { allows, grant, api, tokens, accountFor: (query: URLSearchParams) => holder(query).name }
}

/** A fake HiveSigner's behaviour (see createHiveSignerService). */
export type HiveSignerService = ReturnType<typeof createHiveSignerService>
