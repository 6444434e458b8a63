/** What every mutation-options factory accepts besides the client. */
export interface RequestMutationOptions {
  /** Told the id of each request the mutation starts (for `cancel`, prompts and `usePendingRequest`). */
  onRequest?: (id: number) => void
}
