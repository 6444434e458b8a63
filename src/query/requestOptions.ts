import type { HasRequest } from '../core/types.js'

/** What every mutation-options factory accepts besides the client. */
export interface RequestMutationOptions {
  /** Told the id of each request the mutation starts (for `cancel`, prompts and `usePendingRequest`). */
  onRequest?: (id: number) => void
  /**
   * A request the hook started itself, already on its way (so its frame left before React rendered anything): the
   * mutation follows it instead of starting one. Called once per mutation.
   */
  started?: () => HasRequest<unknown> | undefined
}
