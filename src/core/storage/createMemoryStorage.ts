import type { HasStorage } from './HasStorage.js'

/** Storage that lives as long as the page or process: the default outside browsers. */
export function createMemoryStorage(): HasStorage {
  const items = new Map<string, string>()
  return {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}
