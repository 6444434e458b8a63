import { nonceKey } from './nonces.js'
import type { HasServerStore } from './HasServerStore.js'

/** Options of createMemoryStore. */
export interface MemoryStoreOptions {
  /** The most keys kept besides nonces (sessions and the like); the oldest go first beyond it (default 100 000). */
  maxEntries?: number
  /** The most pending nonces kept; the oldest nonce goes first beyond it, never a session (default 50 000). */
  maxNonces?: number
}

type Items = Map<string, { value: string; expires: number }>

/**
 * A store in this process's memory: for one server process (several instances need `createRedisStore`). Nonces and
 * everything else have budgets of their own, so a flood of issued nonces can never evict a session.
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): HasServerStore {
  const nonces: Items = new Map()
  const others: Items = new Map()
  const noncePrefix = nonceKey('')
  const classOf = (key: string) =>
    key.startsWith(noncePrefix) ? { items: nonces, max: options.maxNonces ?? 50_000 } : { items: others, max: options.maxEntries ?? 100_000 }
  const live = (key: string) => {
    const { items } = classOf(key)
    const item = items.get(key)
    if (item && item.expires <= Date.now()) items.delete(key)
    return items.get(key)
  }
  return {
    async add(key, value, ttlMs) {
      if (live(key)) return false
      const { items, max } = classOf(key)
      if (items.size >= max) items.delete(items.keys().next().value!)
      items.set(key, { value, expires: Date.now() + ttlMs })
      return true
    },
    async take(key) {
      const item = live(key)
      classOf(key).items.delete(key)
      return item?.value
    },
    get: async (key) => live(key)?.value,
    async delete(key) {
      classOf(key).items.delete(key)
    },
  }
}
