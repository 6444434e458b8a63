import type { HasRequest } from '../core/types.js'

/** What every mutation-options factory accepts besides the client. */
export interface RequestMutationOptions {
  /** Told the id of each request the mutation starts (for `cancel`, prompts and `usePendingRequest`). */
  onRequest?: (id: number) => void
  /**
   * The request the hook already started for these very variables (so its frame left before React rendered anything):
   * the mutation follows it instead of starting one. Asked once per mutation.
   */
  started?: (variables: object) => HasRequest<unknown> | undefined
}
