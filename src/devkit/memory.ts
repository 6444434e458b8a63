import type { WebSocketConstructor, WebSocketLike } from '../core/types.js'
import { createRelay, type Relay, type RelayConnection, type RelayOptions } from './relay.js'

/** A relay living in the page, reached through a WebSocket-compatible class. */
export interface MemoryRelay {
  /** The URL to put in `hosts` (and that deep links will name). */
  url: string
  /** Pass as the client's (and the wallet's) `WebSocket` option. */
  WebSocket: WebSocketConstructor
  relay: Relay
  /** A relay outage: `true` drops every socket and refuses new ones (as an unreachable host) until `false`. */
  setOffline(offline: boolean): void
  close(): void
}

let instances = 0

/**
 * Hosts a relay in memory, for browsers (Storybook, demos) and fast tests. Frames are delivered asynchronously
 * and in order, like a real socket (after `latencyMs` each way, to show a slow network); any other URL fails to
 * connect, like an unreachable host.
 */
export function createMemoryRelay(options: RelayOptions & { url?: string; latencyMs?: number } = {}): MemoryRelay {
  const url = options.url ?? `memory://hive-auth-devkit-${++instances}`
  const relay = createRelay(options)
  const sockets = new Set<MemorySocket>()
  let offline = false
  // Each frame takes this long each way (a slow network, for demos); without it, the next microtask.
  const later = (deliver: () => void) => (options.latencyMs ? void setTimeout(deliver, options.latencyMs) : queueMicrotask(deliver))

  class MemorySocket implements WebSocketLike {
    static readonly CONNECTING = 0
    static readonly OPEN = 1
    static readonly CLOSING = 2
    static readonly CLOSED = 3
    readyState = 0
    onopen: ((event: unknown) => void) | null = null
    onmessage: ((event: { data: unknown }) => void) | null = null
    onclose: ((event: unknown) => void) | null = null
    onerror: ((event: unknown) => void) | null = null
    private connection?: RelayConnection

    constructor(target: string) {
      sockets.add(this)
      queueMicrotask(() => {
        if (this.readyState !== 0) return
        if (offline || target.replace(/\/$/, '') !== url) {
          this.onerror?.({ type: 'error' })
          return this.finish(1006)
        }
        this.readyState = 1
        this.onopen?.({ type: 'open' })
        this.connection = relay.connect({
          send: (text) => later(() => this.readyState === 1 && this.onmessage?.({ data: text })),
          close: () => queueMicrotask(() => this.finish(1006)),
        })
      })
    }

    send(data: string) {
      if (this.readyState !== 1) throw new Error('WebSocket is not open')
      later(() => this.connection?.receive(data))
    }

    close(code = 1000) {
      if (this.readyState >= 2) return
      this.readyState = 2
      queueMicrotask(() => this.finish(code))
    }

    private finish(code: number) {
      if (this.readyState === 3) return
      this.readyState = 3
      sockets.delete(this)
      this.connection?.closed()
      this.onclose?.({ type: 'close', code, wasClean: code === 1000 })
    }
  }

  return {
    url,
    WebSocket: MemorySocket,
    relay,
    setOffline(value) {
      offline = value
      if (value) for (const socket of [...sockets]) socket.close(1006)
    },
    close() {
      relay.close()
      for (const socket of [...sockets]) socket.close(1001)
    },
  }
}
