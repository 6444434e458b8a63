import type { IncomingMessage, ServerResponse } from 'node:http'
import { createRelay, type Relay, type RelayOptions } from './relay.js'

/** Options of startRelay. */
export interface StartRelayOptions extends RelayOptions {
  /** Port to listen on (default 0: a free one). */
  port?: number
  /** Interface to bind (default 127.0.0.1: never reachable from the network). */
  host?: string
  /** Plain HTTP requests on the same port (the CLI's `POST /scan`). */
  onHttpRequest?: (request: IncomingMessage, response: ServerResponse) => void
  /**
   * Every this many ms each socket is pinged; one that has not answered the previous ping (a dead peer, a half-open
   * connection, a peer stuck mid-frame) is dropped, and its registrations with it (default 30 000).
   */
  pingIntervalMs?: number
}

/** A relay served over real WebSockets. */
export interface RunningRelay {
  /** `ws://127.0.0.1:<port>` */
  url: string
  port: number
  relay: Relay
  close(): Promise<void>
}

/** Starts the devkit relay over `ws` in Node (loaded lazily so the devkit entry stays importable in browsers). */
export async function startRelay(options: StartRelayOptions = {}): Promise<RunningRelay> {
  const [{ createServer }, { WebSocketServer }] = await Promise.all([import('node:http'), import('ws')])
  const relay = createRelay(options)
  const server = createServer((request, response) => {
    if (options.onHttpRequest) return options.onHttpRequest(request, response)
    response.writeHead(426, { 'content-type': 'text/plain' }).end('hive-auth-devkit relay: connect with a WebSocket\n')
  })
  // Frames over the relay's limit are refused by the relay; far larger ones never get buffered at all.
  const wss = new WebSocketServer({ server, maxPayload: 4 * (options.maxFrameChars ?? 64 * 1024) })
  const alive = new WeakMap<object, boolean>()
  wss.on('connection', (ws, request) => {
    const address = request.socket.remoteAddress
    const connection = relay.connect({ send: (text) => ws.send(text), close: () => ws.terminate(), address })
    alive.set(ws, true)
    ws.on('pong', () => alive.set(ws, true))
    ws.on('message', (data, isBinary) => {
      alive.set(ws, true)
      connection.receive(isBinary ? data : data.toString())
    })
    ws.on('close', () => connection.closed())
    ws.on('error', () => ws.terminate())
  })
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.get(ws)) {
        ws.terminate()
        continue
      }
      alive.set(ws, false)
      ws.ping()
    }
  }, options.pingIntervalMs ?? 30_000)
  heartbeat.unref?.()
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    // ws re-emits the HTTP server's errors (a port in use): without a listener there, the process would die with a stack.
    wss.once('error', reject)
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      wss.off('error', reject)
      resolve()
    })
  })
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0)
  return {
    url: `ws://${host}:${port}`,
    port,
    relay,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(heartbeat)
        relay.close()
        for (const client of wss.clients) client.terminate()
        wss.close()
        server.close(() => resolve())
        server.closeAllConnections?.()
      }),
  }
}
