/** A minimal subscribable store holding an immutable snapshot (the shape useSyncExternalStore expects). */
export interface Store<T> {
  getState(): T
  setState(update: (state: T) => T): void
  subscribe(listener: (state: T) => void): () => void
}

/** Creates a store; listeners run after each change, and one that throws cannot break the others. */
export function createStore<T>(initial: T): Store<T> {
  let state = initial
  const listeners = new Set<(state: T) => void>()
  return {
    getState: () => state,
    setState(update) {
      const next = update(state)
      if (next === state) return
      state = next
      for (const listener of [...listeners]) {
        try {
          listener(state)
        } catch {
          // A consumer's bug must not stop the protocol; the other listeners still run.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
