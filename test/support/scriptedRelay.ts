import { type WebSocket, WebSocketServer } from 'ws'

/**
 * A relay a test drives by hand over a real socket on 127.0.0.1: it greets, answers each `*_req` with a `*_wait`
 * (uuid `req-1`, `req-2`, …, or `options.uuid(n)`) and otherwise sends exactly what the test tells it to, whenever it says.
 */
export async function startScriptedRelay(
  options: {
    timeout?: number
    uuid?: (n: number) => string
    /** The first this-many sockets are greeted and closed in the same write, as a relay shutting down does. */
    closeAfterGreeting?: number
    /** Send no `*_wait` by itself: the test sends each (in the order it likes) with `send`. */
    holdWaits?: boolean
  } = {},
) {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()))
  const received: Record<string, unknown>[] = []
  let socket: WebSocket | undefined
  let n = 0
  let closing = options.closeAfterGreeting ?? 0
  let connections = 0
  wss.on('connection', (ws, request) => {
    connections++
    const greeting = JSON.stringify({ cmd: 'connected', timeout: options.timeout ?? 60, protocol: 1 })
    if (closing > 0) {
      closing--
      request.socket.cork() // the greeting and the close frame leave together: the client reads both at once
      ws.send(greeting)
      ws.close()
      process.nextTick(() => request.socket.uncork())
      return
    }
    socket = ws
    ws.send(greeting)
    ws.on('message', (raw) => {
      const frame = JSON.parse(raw.toString()) as Record<string, unknown>
      received.push(frame)
      const cmd = String(frame.cmd)
      if (cmd.endsWith('_req') && cmd !== 'attach_req' && !options.holdWaits) {
        ws.send(
          JSON.stringify({
            cmd: cmd.replace('_req', '_wait'),
            uuid: options.uuid?.(++n) ?? `req-${++n}`,
            expire: Date.now() + (options.timeout ?? 60) * 1000,
            account: frame.account,
          }),
        )
      }
    })
  })
  return {
    url: `ws://127.0.0.1:${(wss.address() as { port: number }).port}`,
    received,
    /** How many sockets were opened to it. */
    connections: () => connections,
    /** Drops the latest app socket, as a relay restarting does (the server keeps listening). */
    drop() {
      socket?.terminate()
    },
    /** Sends a frame to the latest app socket. */
    send(frame: Record<string, unknown>) {
      socket?.send(JSON.stringify(frame))
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate()
        wss.close(() => resolve())
      }),
  }
}
