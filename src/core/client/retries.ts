import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import type { HasClientState, HasRequest } from '../types.js'

/** Remembers how to repeat each request, so `retry(id)` can send the latest of a kind again when that is safe. */
export function createRetries(getState: () => HasClientState, isQueued: (id: number) => boolean) {
  const again = new Map<number, () => HasRequest<unknown>>()

  /** Forgets requests that are neither live (or waiting for the runner) nor the latest of their kind (the only ones that can be retried). */
  function prune(state: HasClientState) {
    const keep = new Set([...state.requests.map((r) => r.id), ...Object.values(state.last).map((s) => s?.id)])
    for (const id of again.keys()) if (!keep.has(id) && !isQueued(id)) again.delete(id)
  }

  return {
    remember<R>(request: HasRequest<R>, repeat: () => HasRequest<R>): HasRequest<R> {
      prune(getState())
      again.set(request.id, repeat)
      return request
    },
    retry(id: number): HasRequest<unknown> {
      const state = getState()
      prune(state)
      const settled = Object.values(state.last).find((s) => s?.id === id)
      const repeat = again.get(id)
      const refuse = (message: string) => Object.assign(Promise.reject(new HasInvalidArgumentError(message)), { id })
      if (!settled || !repeat) return refuse('Only the latest settled request of a kind can be retried.')
      if (!settled.error) return refuse('This request succeeded; start a new one instead.')
      if (!settled.error.retryable) return refuse('This request must not be sent again (the wallet may have acted on it already).')
      return repeat()
    },
  }
}
