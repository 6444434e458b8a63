import { HasConnectionError } from '../errors/HasConnectionError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasProtocolVersionError } from '../errors/HasProtocolVersionError.js'
import { DEFAULT_TIMEOUT_SECONDS, isSupportedProtocol } from '../protocol/constants.js'
import type { AppInboundMessage } from '../protocol/messages.js'
import { parseAppMessage } from '../protocol/parseAppMessage.js'
import type { WebSocketConstructor, WebSocketLike } from '../types.js'

/** What a relay told us in its `connected` frame. */
export interface ConnectedInfo {
  host: string
  protocol: number | undefined
  /** Request lifetime in ms. */
  timeoutMs: number
}

/** One open, greeted socket to one relay. */
export interface HostLink {
  readonly info: ConnectedInfo
  /** Sends one frame; throws HasConnectionError when the socket is no longer open. */
  send(frame: object): void
  /** Closes without reporting a drop. */
  close(): void
}

/** What a link reports once open. */
export interface HostLinkHandlers {
  onMessage(message: AppInboundMessage): void
  /** The socket closed without `close()` being called. */
  onDrop(): void
}

const OPEN = 1
/** A relay claiming a longer request lifetime than this is not believed (timers would overflow). */
const MAX_TIMEOUT_SECONDS = 3600

/** Opens a socket to `host` and resolves once the relay has greeted with a protocol the kit speaks. */
export function openHostLink(
  host: string,
  WebSocket: WebSocketConstructor | undefined,
  timeoutMs: number,
  handlers: HostLinkHandlers,
): Promise<HostLink> {
  return new Promise((resolve, reject) => {
    if (!WebSocket) return reject(new HasConnectionError('No WebSocket implementation is available here.'))
    let ws: WebSocketLike
    try {
      ws = new WebSocket(host)
    } catch (cause) {
      return reject(new HasConnectionError(undefined, { details: host, cause }))
    }
    let state: 'greeting' | 'open' | 'closed' = 'greeting'
    const fail = (error: HasErrorType) => {
      if (state !== 'greeting') return
      state = 'closed'
      clearTimeout(timer)
      detach(ws)
      reject(error)
    }
    const timer = setTimeout(() => fail(new HasConnectionError('The HiveAuth server did not answer in time.', { details: host })), timeoutMs)
    ws.onerror = () => {}
    ws.onclose = () => {
      if (state === 'greeting') return fail(new HasConnectionError(undefined, { details: host }))
      if (state === 'open') {
        state = 'closed'
        handlers.onDrop()
      }
    }
    ws.onmessage = (event) => {
      const message = parseAppMessage(event.data)
      if (!message || state === 'closed') return
      if (state === 'open') return handlers.onMessage(message)
      if (message.cmd !== 'connected') return
      if (message.protocol !== undefined && !isSupportedProtocol(message.protocol)) {
        return fail(new HasProtocolVersionError(undefined, { details: `${host} speaks protocol ${message.protocol}` }))
      }
      state = 'open'
      clearTimeout(timer)
      const seconds = Math.min(message.timeout ?? DEFAULT_TIMEOUT_SECONDS, MAX_TIMEOUT_SECONDS)
      resolve({
        info: { host, protocol: message.protocol, timeoutMs: seconds * 1000 },
        send(frame) {
          if (state !== 'open' || ws.readyState !== OPEN) throw new HasConnectionError('Not connected to a HiveAuth server.', { details: host })
          ws.send(JSON.stringify(frame))
        },
        close() {
          state = 'closed'
          detach(ws)
        },
      })
    }
  })
}

function detach(ws: WebSocketLike) {
  ws.onclose = ws.onmessage = null
  try {
    ws.close()
  } catch {
    // Closing a socket that never opened may throw in some implementations.
  }
}
