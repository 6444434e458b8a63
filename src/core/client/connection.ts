import { HasConnectionError } from '../errors/HasConnectionError'
import { HasError } from '../errors/HasError'
import { HasProtocolVersionError } from '../errors/HasProtocolVersionError'
import { DEFAULT_TIMEOUT_SECONDS, isSupportedProtocol } from '../protocol/constants'
import type { AppInboundMessage } from '../protocol/messages'
import { parseAppMessage } from '../protocol/parseAppMessage'
import type { WebSocketConstructor, WebSocketLike } from './types'

/** What a relay told us in its `connected` frame. */
export interface ConnectedInfo {
  host: string
  protocol: number | undefined
  /** Request lifetime in ms. */
  timeoutMs: number
}

export interface ConnectionOptions {
  hosts: readonly string[]
  WebSocket: WebSocketConstructor | undefined
  /** How long one host may take to open and greet before the next one is tried. */
  connectTimeoutMs: number
  onMessage(message: AppInboundMessage): void
  /** The open socket closed without `close()` being called. */
  onDrop(host: string): void
}

/** One socket to one relay at a time. */
export interface Connection {
  /** Resolves once a relay has greeted; tries `onlyHost` alone, or every host starting with `preferredHost`. */
  connect(target?: { preferredHost?: string; onlyHost?: string }): Promise<ConnectedInfo>
  /** Sends one frame; throws HasConnectionError when no socket is open. */
  send(frame: object): void
  /** The live connection, if any. */
  current(): ConnectedInfo | undefined
  /** Closes the socket as if it had dropped (for a forced resume). */
  drop(): void
  close(): void
}

const OPEN = 1
/** A relay claiming a longer request lifetime than this is not believed (timers would overflow). */
const MAX_TIMEOUT_SECONDS = 3600

/** Creates the connection manager. No socket is opened until `connect`. */
export function createConnection(options: ConnectionOptions): Connection {
  let socket: WebSocketLike | undefined
  let info: ConnectedInfo | undefined
  let opening: Promise<ConnectedInfo> | undefined
  let closed = false
  let lastGoodHost: string | undefined

  function attempt(host: string): Promise<{ ws: WebSocketLike; info: ConnectedInfo }> {
    return new Promise((resolve, reject) => {
      if (!options.WebSocket) return reject(new HasConnectionError('No WebSocket implementation is available here.'))
      let ws: WebSocketLike
      try {
        ws = new options.WebSocket(host)
      } catch (cause) {
        return reject(new HasConnectionError(undefined, { details: host, cause }))
      }
      let greeted = false
      const fail = (error: HasError) => {
        if (greeted) return
        greeted = true
        clearTimeout(timer)
        ws.onclose = ws.onmessage = null
        safeClose(ws)
        reject(error)
      }
      const timer = setTimeout(
        () => fail(new HasConnectionError('The HiveAuth server did not answer in time.', { details: host })),
        options.connectTimeoutMs,
      )
      ws.onerror = () => {}
      ws.onclose = () => {
        if (!greeted) fail(new HasConnectionError(undefined, { details: host }))
        else if (ws === socket) handleDrop(host)
      }
      ws.onmessage = (event) => {
        const message = parseAppMessage(event.data)
        if (!message) return
        if (greeted) {
          if (ws === socket) options.onMessage(message)
          return
        }
        if (message.cmd !== 'connected') return
        if (message.protocol !== undefined && !isSupportedProtocol(message.protocol)) {
          return fail(new HasProtocolVersionError(undefined, { details: `${host} speaks protocol ${message.protocol}` }))
        }
        greeted = true
        clearTimeout(timer)
        const timeoutSeconds = Math.min(message.timeout ?? DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS)
        resolve({ ws, info: { host, protocol: message.protocol, timeoutMs: timeoutSeconds * 1000 } })
      }
    })
  }

  function handleDrop(host: string) {
    socket = undefined
    info = undefined
    options.onDrop(host)
  }

  async function open(candidates: string[]): Promise<ConnectedInfo> {
    const errors: HasError[] = []
    for (const host of candidates) {
      if (closed) break
      try {
        const result = await attempt(host)
        if (closed) {
          safeClose(result.ws)
          break
        }
        if (socket) {
          socket.onclose = socket.onmessage = null
          safeClose(socket)
        }
        socket = result.ws
        info = result.info
        lastGoodHost = host
        return result.info
      } catch (error) {
        errors.push(error instanceof HasError ? error : new HasConnectionError(undefined, { cause: error }))
      }
    }
    if (closed) throw new HasConnectionError('The client was closed.')
    if (errors.length > 0 && errors.every((e) => e instanceof HasProtocolVersionError)) throw errors[0]!
    throw new HasConnectionError(undefined, { details: errors.map((e) => e.details ?? e.shortMessage).join('; ') })
  }

  return {
    connect(target = {}) {
      if (info && socket && (!target.onlyHost || info.host === target.onlyHost)) return Promise.resolve(info)
      if (opening) return opening
      const preferred = target.onlyHost ?? target.preferredHost ?? lastGoodHost
      const candidates = target.onlyHost ? [target.onlyHost] : unique([preferred, ...options.hosts])
      opening = open(candidates).finally(() => {
        opening = undefined
      })
      return opening
    },
    send(frame) {
      if (!socket || socket.readyState !== OPEN) throw new HasConnectionError('Not connected to a HiveAuth server.')
      socket.send(JSON.stringify(frame))
    },
    current: () => info,
    drop() {
      const ws = socket
      if (!ws || !info) return
      const host = info.host
      ws.onclose = ws.onmessage = null
      safeClose(ws)
      handleDrop(host)
    },
    close() {
      closed = true
      const ws = socket
      socket = undefined
      info = undefined
      if (ws) {
        ws.onclose = ws.onmessage = null
        safeClose(ws)
      }
    },
  }
}

function safeClose(ws: WebSocketLike) {
  try {
    ws.close()
  } catch {
    // Closing a socket that never opened may throw in some implementations.
  }
}

function unique(hosts: (string | undefined)[]): string[] {
  return [...new Set(hosts.filter((h): h is string => typeof h === 'string'))]
}
