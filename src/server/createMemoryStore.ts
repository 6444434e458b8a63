import type { HasServerStore } from './HasServerStore.js'

/** Options of createMemoryStore. */
export interface MemoryStoreOptions {
  /** The most keys kept; the oldest go first beyond it (default 100 000). */
  maxEntries?: number
}

/** A store in this process's memory: for one server process (several instances need `createRedisStore`). */
export function createMemoryStore(options: MemoryStoreOptions = {}): HasServerStore {
  const max = options.maxEntries ?? 100_000
  const items = new Map<string, { value: string; expires: number }>()
  const live = (key: string) => {
    const item = items.get(key)
    if (item && item.expires <= Date.now()) items.delete(key)
    return items.get(key)
  }
  return {
    async add(key, value, ttlMs) {
      if (live(key)) return false
      if (items.size >= max) items.delete(items.keys().next().value!)
      items.set(key, { value, expires: Date.now() + ttlMs })
      return true
    },
    async take(key) {
      const item = live(key)
      items.delete(key)
      return item?.value
    },
    get: async (key) => live(key)?.value,
    async delete(key) {
      items.delete(key)
    },
  }
}
