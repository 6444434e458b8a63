import type { IncomingMessage, ServerResponse } from 'node:http'
import { sha256 } from '@noble/hashes/sha2.js'
import { writeHiveSignerToken } from '../core/connectors/hiveSignerToken.js'
import { accountFromSpec, type DevkitAccountSpec } from './accounts.js'
import type { DevkitChain } from './chain.js'
import { signDigest } from './keys.js'
import { signedTransaction } from './walletAnswers.js'

/** What the simulated user does on the fake HiveSigner's authorize page. */
export type FakeHiveSignerDecision = 'approve' | 'reject' | 'manual'

/** Options of startFakeHiveSigner. */
export interface FakeHiveSignerOptions {
  /** The accounts that can log in (a login asks for `account`, else the first). */
  accounts: readonly DevkitAccountSpec[]
  /** Where its broadcasts land. */
  chain: DevkitChain
  /** The registered apps and the callback pages each allows (HiveSigner refuses any other `redirect_uri`). */
  apps: Readonly<Record<string, readonly string[]>>
  /** Default 'approve' (at once); 'manual' shows an Authorize page with Approve and Reject. */
  decision?: FakeHiveSignerDecision
  port?: number
}

/** A running fake HiveSigner. */
export interface FakeHiveSigner {
  /** `http://127.0.0.1:<port>`: the connector's `baseUrl`. */
  url: string
  setDecision(decision: FakeHiveSignerDecision): void
  /** Tokens it issued, newest last. */
  readonly tokens: string[]
  close(): Promise<void>
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
const EXPIRES_IN = 604_800

/**
 * HiveSigner on 127.0.0.1, as hivesigner.com behaves (docs/wallets.md): `/oauth2/authorize` checks the app's
 * `redirect_uri`, then sends the user back with `access_token`, `expires_in`, `username` and `state` (a refusal goes
 * to its own home page and tells the app nothing); tokens in HiveSigner's format, signed with the user's posting key;
 * `/api/broadcast` with its operation list and author check, onto the devkit chain; `/api/me`; a no-op revoke. Node only.
 */
export async function startFakeHiveSigner(options: FakeHiveSignerOptions): Promise<FakeHiveSigner> {
  const { createServer } = await import('node:http')
  const accounts = options.accounts.map(accountFromSpec)
  const issued = new Map<string, { account: string; scope: string }>()
  const tokens: string[] = []
  let decision = options.decision ?? 'approve'

  const grant = (query: URLSearchParams) => {
    const held = accounts.find((a) => a.name === query.get('account')) ?? accounts[0]!
    const scope = query.get('scope') ?? 'login'
    const type = scope.split(',').includes('posting') ? 'posting' : 'login'
    const token = writeHiveSignerToken({ account: held.name, app: query.get('client_id')!, type, timestamp: Math.floor(Date.now() / 1000) }, (text) =>
      signDigest(sha256(new TextEncoder().encode(text)), held.keys.posting!),
    )
    issued.set(token, { account: held.name, scope: type })
    tokens.push(token)
    const back = new URL(query.get('redirect_uri')!)
    for (const [key, value] of Object.entries({
      access_token: token,
      expires_in: String(EXPIRES_IN),
      username: held.name,
      state: query.get('state') ?? '',
    }))
      back.searchParams.set(key, value)
    return back.href
  }

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-allow-headers': 'authorization, content-type',
      'access-control-allow-methods': 'GET, POST',
    }
    if (request.method === 'OPTIONS') return void response.writeHead(204, cors).end()
    const query = url.searchParams
    if (url.pathname === '/oauth2/authorize' || url.pathname === '/oauth2/authorize/approve') {
      const allowed = options.apps[query.get('client_id') ?? '']
      if (!allowed?.includes(query.get('redirect_uri') ?? '')) return void response.writeHead(400).end('redirect_uri is not allowed for this app')
      if (url.pathname.endsWith('/approve') || decision === 'approve') return void response.writeHead(302, { location: grant(query) }).end()
      if (decision === 'reject') return void response.writeHead(302, { location: '/' }).end()
      return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(authorizePage(query))
    }
    if (url.pathname === '/api/broadcast' && request.method === 'POST') return void broadcast(request, response, cors)
    if (url.pathname === '/api/me') {
      const holder = issued.get(request.headers.authorization ?? '')
      if (!holder) return void json(response, 401, { error: 'invalid_grant', error_description: 'The token has invalid role' }, cors)
      return void json(response, 200, { user: holder.account, name: holder.account, account: options.chain.account(holder.account) }, cors)
    }
    if (url.pathname.startsWith('/api/oauth2/token/revoke')) return void json(response, 200, { success: true }, cors)
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>HiveSigner (devkit)</title><h1>HiveSigner</h1>')
  })

  function broadcast(request: IncomingMessage, response: ServerResponse, cors: Record<string, string>) {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      body += chunk
      if (body.length > 100_000) request.destroy()
    })
    request.on('end', () => {
      const holder = issued.get(request.headers.authorization ?? '')
      if (!holder) return json(response, 401, { error: 'invalid_grant', error_description: 'The token has invalid role' }, cors)
      let operations: [string, Record<string, unknown>][] = []
      try {
        operations = (JSON.parse(body) as { operations: [string, Record<string, unknown>][] }).operations
      } catch {}
      const outside = operations.filter(([name]) => !API_AUTHOR[name] || holder.scope === 'login').map(([name]) => name)
      if (!operations.length || outside.length)
        return json(
          response,
          401,
          { error: 'invalid_scope', error_description: `The access_token scope does not allow the following operation(s): ${outside.join(', ')}` },
          cors,
        )
      if (operations.some(([name, op]) => API_AUTHOR[name]!(op) !== holder.account))
        return json(
          response,
          401,
          {
            error: 'unauthorized_client',
            error_description: `This access_token allow you to broadcast transaction only for the account @${holder.account}`,
          },
          cors,
        )
      try {
        const key = accounts.find((a) => a.name === holder.account)!.keys.posting!
        const id = options.chain.broadcast(signedTransaction(operations, key, Date.now() + 60_000, options.chain))
        json(response, 200, { result: { id, block_num: options.chain.transactions().at(-1)?.blockNum, trx_num: 0, expired: false } }, cors)
      } catch (error) {
        json(response, 500, { error: 'server_error', error_description: error instanceof Error ? error.message : 'broadcast failed' }, cors)
      }
    })
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    setDecision(next) {
      decision = next
    },
    tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}

function json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string>) {
  response.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body))
}

/** HiveSigner's "Authorize" page, plainly: the app, the account, Approve (back to the app) and Reject (to its home). */
function authorizePage(query: URLSearchParams): string {
  const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const app = html(query.get('client_id') ?? '')
  return `<!doctype html><meta charset="utf-8"><title>Authorize @${app}</title><h1>Authorize @${app}</h1>
<p>@${app} asks to log you in${query.get('account') ? ` as @${html(query.get('account')!)}` : ''}.</p>
<p><a id="approve" href="/oauth2/authorize/approve?${html(query.toString())}">Approve</a> <a id="reject" href="/">Reject</a></p>`
}
