import type { HasClient } from '../core/client/createHasClient.js'
import type { HasSession } from '../core/types.js'

/** The login modal's state, owned by the provider so that one modal serves every button and `useHasModal()`. */
export interface ModalStore {
  isOpen(): boolean
  /** Opens the modal; resolves when it closes, with the session logged in while it was open (or undefined). */
  open(): Promise<HasSession | undefined>
  /** Closes it, resolving every `open()` with `session`. */
  close(session?: HasSession): void
  subscribe(listener: () => void): () => void
  /** The one modal host that renders (the first mounted); another takes over when it unmounts. */
  claim(host: symbol): void
  release(host: symbol): void
  host(): symbol | undefined
}

/** Creates the provider's modal store; opening it also opens the socket, so the QR code is ready as the name is typed. */
export function createModalStore(client: () => HasClient | null): ModalStore {
  let open = false
  let waiters: ((session: HasSession | undefined) => void)[] = []
  const hosts: symbol[] = []
  const listeners = new Set<() => void>()
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }
  return {
    isOpen: () => open,
    open() {
      void client()
        ?.connect()
        .catch(() => {}) // a failure shows when the login starts
      if (!open) {
        open = true
        notify()
      }
      return new Promise((resolve) => waiters.push(resolve))
    },
    close(session) {
      const pending = waiters
      waiters = []
      if (open) {
        open = false
        notify()
      }
      for (const resolve of pending) resolve(session)
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    claim(host) {
      if (!hosts.includes(host)) hosts.push(host)
      if (hosts[0] === host) notify()
    },
    release(host) {
      const wasHost = hosts[0] === host
      hosts.splice(hosts.indexOf(host) >>> 0, 1)
      if (wasHost) notify()
    },
    host: () => hosts[0],
  }
}
