import type { IncomingMessage, ServerResponse } from 'node:http'
import { createHiveSignerService, type FakeHiveSignerDecision, type HiveSignerApiAnswer, type HiveSignerServiceOptions } from './hiveSignerService.js'

export type { FakeHiveSignerDecision } from './hiveSignerService.js'

/** Options of startFakeHiveSigner. */
export interface FakeHiveSignerOptions extends HiveSignerServiceOptions {
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

/**
 * HiveSigner on 127.0.0.1, as hivesigner.com behaves (docs/wallets.md): `/oauth2/authorize` checks the app's
 * `redirect_uri`, then sends the user back with `access_token`, `expires_in`, `username` and `state` (a refusal goes
 * to its own home page and tells the app nothing); tokens in HiveSigner's format, signed with the user's posting key;
 * `/api/broadcast` with its operation list and author check, onto the devkit chain; `/api/me`; a no-op revoke. Node only.
 */
export async function startFakeHiveSigner(options: FakeHiveSignerOptions): Promise<FakeHiveSigner> {
  const { createServer } = await import('node:http')
  const service = createHiveSignerService(options)
  let decision = options.decision ?? 'approve'

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
      if (!service.allows(query)) return void response.writeHead(400).end('redirect_uri is not allowed for this app')
      if (url.pathname.endsWith('/approve') || decision === 'approve') return void response.writeHead(302, { location: service.grant(query) }).end()
      if (decision === 'reject') return void response.writeHead(302, { location: '/' }).end()
      return void response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(authorizePage(query))
    }
    if (url.pathname.startsWith('/api/')) return void answerApi(request, response, url.pathname, cors)
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>HiveSigner (devkit)</title><h1>HiveSigner</h1>')
  })

  function answerApi(request: IncomingMessage, response: ServerResponse, path: string, cors: Record<string, string>) {
    let body = ''
    request.setEncoding('utf8')
    request.on('data', (chunk: string) => {
      body += chunk
      if (body.length > 100_000) request.destroy()
    })
    request.on('end', () => {
      const answer: HiveSignerApiAnswer = service.api(path, request.method ?? 'GET', request.headers.authorization ?? '', body) ?? {
        status: 404,
        body: { error: 'not_found' },
      }
      response.writeHead(answer.status, { 'content-type': 'application/json', ...cors }).end(JSON.stringify(answer.body))
    })
  }

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const address = server.address()
  return {
    url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`,
    setDecision(next) {
      decision = next
    },
    tokens: service.tokens,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}

/** HiveSigner's "Authorize" page, plainly: the app, the account, Approve (back to the app) and Reject (to its home). */
function authorizePage(query: URLSearchParams): string {
  const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
  const app = html(query.get('client_id') ?? '')
  return `<!doctype html><meta charset="utf-8"><title>Authorize @${app}</title><h1>Authorize @${app}</h1>
<p>@${app} asks to log you in${query.get('account') ? ` as @${html(query.get('account')!)}` : ''}.</p>
<p><a id="approve" href="/oauth2/authorize/approve?${html(query.toString())}">Approve</a> <a id="reject" href="/">Reject</a></p>`
}
