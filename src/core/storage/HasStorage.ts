/** Synchronous key/value storage (the Web Storage subset the client uses). */
export interface HasStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
  /** Optional: calls `onChange` when another tab (or process) changes `key`; returns the unsubscribe function. */
  subscribe?(key: string, onChange: () => void): () => void
}
