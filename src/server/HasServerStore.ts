/**
 * Where a dApp's servers keep what they share: issued nonces (single-use) and, if they like, sessions. Every method is
 * atomic on the store: with Redis, several server instances see one truth.
 */
export interface HasServerStore {
  /** Stores `value` under `key` unless the key is taken; true when stored. It expires after `ttlMs`. */
  add(key: string, value: string, ttlMs: number): Promise<boolean>
  /** Reads and deletes `key` in one step: of two concurrent takes, one gets the value (undefined when absent or expired). */
  take(key: string): Promise<string | undefined>
  /** Reads `key` (undefined when absent or expired). */
  get(key: string): Promise<string | undefined>
  /** Deletes `key`. */
  delete(key: string): Promise<void>
}
