import { HasConnectionError } from '../errors/HasConnectionError.js'
import { HasError } from '../errors/HasError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasProtocolVersionError } from '../errors/HasProtocolVersionError.js'
import type { AppInboundMessage } from '../protocol/messages.js'
import type { WebSocketConstructor } from '../types.js'
import { type ConnectedInfo, type HostLink, openHostLink } from './hostLink.js'

/** Options of the connection pool. */
export interface ConnectionPoolOptions {
  hosts: readonly string[]
  WebSocket: WebSocketConstructor | undefined
  /** How long one host may take to open and greet before the next one is tried. */
  connectTimeoutMs: number
  /** Back-off between re-attach attempts to one host (ms; the last value repeats). */
  reconnectDelaysMs: readonly number[]
  onMessage(host: string, message: AppInboundMessage): void
  /** A greeted socket to `host` closed on its own. */
  onDrop(host: string): void
  /** A socket to a host that `reattach` was asked for is open again: time to send `attach_req`. */
  onReattached(host: string): void
}

interface HostState {
  link?: HostLink
  opening?: Promise<HostLink>
  /** The host dropped and waiting requests live there: it is retried on its own schedule. */
  reattaching: boolean
  retryTimer?: ReturnType<typeof setTimeout>
  attempt: number
}

/**
 * At most one socket per relay. Fresh requests fail over along the host list, healthy hosts first; requests that
 * were waiting on a relay that dropped are re-attached to that same relay with back-off, and a fresh request never
 * waits behind such a retry.
 */
export function createConnectionPool(options: ConnectionPoolOptions) {
  const states = new Map<string, HostState>()
  let primary: string | undefined
  let closed = false

  function stateOf(host: string): HostState {
    const known = states.get(host)
    if (known) return known
    const state: HostState = { reattaching: false, attempt: 0 }
    states.set(host, state)
    return state
  }

  function open(host: string): Promise<HostLink> {
    const state = stateOf(host)
    if (state.link) return Promise.resolve(state.link)
    state.opening ??= openHostLink(host, options.WebSocket, options.connectTimeoutMs, {
      onMessage: (message) => options.onMessage(host, message),
      onDrop: () => {
        state.link = undefined
        options.onDrop(host)
      },
    })
      .then((link) => {
        if (closed) {
          link.close()
          throw new HasConnectionError('The client was closed.')
        }
        state.link = link
        if (state.reattaching) {
          state.reattaching = false
          state.attempt = 0
          clearTimeout(state.retryTimer)
          state.retryTimer = undefined
          options.onReattached(host)
        }
        return link
      })
      .finally(() => {
        state.opening = undefined
      })
    return state.opening
  }

  /** A host a fresh request should try last: it dropped and has not come back. */
  const suspect = (host: string) => Boolean(states.get(host)?.reattaching)

  function schedule(host: string, delay: number) {
    const state = stateOf(host)
    clearTimeout(state.retryTimer)
    state.retryTimer = setTimeout(() => {
      state.retryTimer = undefined
      if (!state.reattaching || closed) return
      open(host).catch(() => {
        if (!state.reattaching) return
        state.attempt++
        const delays = options.reconnectDelaysMs
        schedule(host, (delays[Math.min(state.attempt, delays.length - 1)] ?? 1000) * (0.8 + Math.random() * 0.4))
      })
    }, delay)
  }

  /** The hosts a fresh request tries, in order: `preferredHost`, the host in use, then the list; healthy hosts first. */
  function candidatesFor(preferredHost: string | undefined): string[] {
    const order = unique([preferredHost, primary, ...options.hosts])
    return [...order.filter((h) => !suspect(h)), ...order.filter(suspect)]
  }

  return {
    /** The open socket a fresh request would use at once, if there is one: so its frame can leave without waiting a tick. */
    openNow(preferredHost?: string): ConnectedInfo | undefined {
      if (closed) return undefined
      const host = candidatesFor(preferredHost)[0]
      const link = host ? states.get(host)?.link : undefined
      if (link) primary = host
      return link?.info
    },
    /** A socket for a fresh request: `preferredHost` first, then the host in use, then the list, healthy hosts first. */
    async connect(preferredHost?: string): Promise<ConnectedInfo> {
      const candidates = candidatesFor(preferredHost)
      const errors: HasErrorType[] = []
      for (const host of candidates) {
        if (closed) break
        try {
          const link = await open(host)
          primary = host
          return link.info
        } catch (error) {
          errors.push(error instanceof HasError ? (error as HasErrorType) : new HasConnectionError(undefined, { cause: error }))
        }
      }
      if (closed) throw new HasConnectionError('The client was closed.')
      if (errors.length > 0 && errors.every((e) => e instanceof HasProtocolVersionError)) throw errors[0]!
      throw new HasConnectionError(undefined, { details: errors.map((e) => e.details ?? e.shortMessage).join('; ') })
    },
    /** Keeps re-opening `host` (after `delayMs`, then with back-off) until it greets; then `onReattached(host)`. */
    reattach(host: string, delayMs?: number) {
      if (closed) return
      const state = stateOf(host)
      if (state.link) return options.onReattached(host)
      const first = state.reattaching ? undefined : (options.reconnectDelaysMs[0] ?? 250) * (0.8 + Math.random() * 0.4)
      state.reattaching = true
      if (delayMs !== undefined || first !== undefined) schedule(host, delayMs ?? first ?? 0)
    },
    /** Stops re-attaching to `host` (nothing waits there any more). */
    stopReattach(host: string) {
      const state = states.get(host)
      if (!state) return
      state.reattaching = false
      state.attempt = 0
      clearTimeout(state.retryTimer)
      state.retryTimer = undefined
    },
    /** Sends a frame on `host`'s socket; HasConnectionError when it is not open. */
    send(host: string, frame: object) {
      const link = states.get(host)?.link
      if (!link) throw new HasConnectionError('Not connected to a HiveAuth server.', { details: host })
      link.send(frame)
    },
    /** The greeting of an open socket to `host`. */
    info: (host: string | undefined): ConnectedInfo | undefined => (host ? states.get(host)?.link?.info : undefined),
    /** The host of the latest fresh request. */
    primary: () => primary,
    /** Whether a fresh request is opening a socket right now. */
    connecting: () => [...states.values()].some((s) => s.opening && !s.reattaching),
    /** Closes `host`'s socket as if it had dropped (a forced resume), reporting the drop. */
    drop(host: string) {
      const state = states.get(host)
      if (!state?.link) return
      state.link.close()
      state.link = undefined
      options.onDrop(host)
    },
    /** Closes sockets no request needs: every open host but the primary and those in `keep`. */
    release(keep: ReadonlySet<string>) {
      for (const [host, state] of states) {
        if (state.link && host !== primary && !keep.has(host)) {
          state.link.close()
          state.link = undefined
        }
      }
    },
    close() {
      closed = true
      for (const state of states.values()) {
        clearTimeout(state.retryTimer)
        state.link?.close()
        state.link = undefined
      }
    },
  }
}

/** The pool's interface. */
export type ConnectionPool = ReturnType<typeof createConnectionPool>

function unique(hosts: (string | undefined)[]): string[] {
  return [...new Set(hosts.filter((h): h is string => typeof h === 'string'))]
}
