import type { HasStorage } from './HasStorage'
import { createMemoryStorage } from './createMemoryStorage'

/**
 * The browser's localStorage or sessionStorage, or memory where there is none (Node, SSR, Safari's private mode,
 * blocked third-party storage). Writes that fail (quota) fall back to memory too, so nothing throws.
 */
export function createWebStorage(kind: 'local' | 'session' = 'local'): HasStorage {
  const memory = createMemoryStorage()
  const web = resolve(kind)
  if (!web) return memory
  return {
    getItem(key) {
      try {
        return web.getItem(key) ?? memory.getItem(key)
      } catch {
        return memory.getItem(key)
      }
    },
    setItem(key, value) {
      memory.setItem(key, value)
      try {
        web.setItem(key, value)
      } catch {
        // Quota or privacy mode: the in-memory copy still serves this page.
      }
    },
    removeItem(key) {
      memory.removeItem(key)
      try {
        web.removeItem(key)
      } catch {
        // Nothing more to do.
      }
    },
  }
}

function resolve(kind: 'local' | 'session'): Storage | undefined {
  try {
    const storage = kind === 'local' ? globalThis.localStorage : globalThis.sessionStorage
    return storage && typeof storage.getItem === 'function' ? storage : undefined
  } catch {
    return undefined
  }
}
