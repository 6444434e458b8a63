/** Synchronous key/value storage (the Web Storage subset the client uses). */
export interface HasStorage {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}
