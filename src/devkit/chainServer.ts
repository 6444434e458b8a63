import type { IncomingMessage, ServerResponse } from 'node:http'
import type { DevkitChain } from './chain.js'

/** A devkit chain served over HTTP. */
export interface RunningChainNode {
  /** `http://127.0.0.1:<port>`: put it in `nodes`. */
  url: string
  close(): Promise<void>
}

/** Answers a JSON-RPC POST for the chain (shared by startChainNode and the CLI's `/rpc`). */
export function serveChainRequest(chain: DevkitChain, request: IncomingMessage, response: ServerResponse) {
  let body = ''
  request.setEncoding('utf8')
  request.on('data', (chunk: string) => {
    body += chunk
    if (body.length > 1_000_000) request.destroy()
  })
  request.on('end', () => {
    let parsed: unknown
    try {
      parsed = JSON.parse(body)
    } catch {
      parsed = undefined
    }
    const answer = parsed === undefined ? { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } } : chain.handle(parsed)
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' }).end(JSON.stringify(answer))
  })
}

/** Serves a devkit chain as a Hive JSON-RPC node on 127.0.0.1 (Node only). */
export async function startChainNode(chain: DevkitChain, options: { port?: number; host?: string } = {}): Promise<RunningChainNode> {
  const { createServer } = await import('node:http')
  const server = createServer((request, response) => {
    if (request.method === 'OPTIONS') {
      return void response
        .writeHead(204, {
          'access-control-allow-origin': '*',
          'access-control-allow-headers': 'content-type',
          'access-control-allow-methods': 'POST',
        })
        .end()
    }
    if (request.method !== 'POST') return void response.writeHead(405).end()
    serveChainRequest(chain, request, response)
  })
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}
