import type { HasStorage } from './HasStorage.js'
import { createMemoryStorage } from './createMemoryStorage.js'

/**
 * The browser's localStorage or sessionStorage, or memory where there is none (Node, SSR, Safari's private mode,
 * blocked third-party storage). A write the browser refuses (quota) is kept in memory for this page and then thrown,
 * so the client can report that it will not survive a reload. Changes made by other tabs are announced.
 */
export function createWebStorage(kind: 'local' | 'session' = 'local'): HasStorage {
  const memory = createMemoryStorage()
  const web = resolve(kind)
  if (!web) return memory
  /** Keys whose latest write the browser refused: this page reads them from memory. */
  const heldInMemory = new Set<string>()
  const fallBack = (key: string, write: () => void, error: unknown): never => {
    heldInMemory.add(key)
    write()
    throw error
  }
  return {
    getItem(key) {
      if (heldInMemory.has(key)) return memory.getItem(key)
      try {
        return web.getItem(key)
      } catch {
        return memory.getItem(key)
      }
    },
    setItem(key, value) {
      try {
        web.setItem(key, value)
        heldInMemory.delete(key)
      } catch (error) {
        fallBack(key, () => memory.setItem(key, value), error)
      }
    },
    removeItem(key) {
      try {
        web.removeItem(key)
        heldInMemory.delete(key)
      } catch (error) {
        fallBack(key, () => memory.removeItem(key), error)
      }
    },
    subscribe(key, onChange) {
      if (typeof window === 'undefined' || typeof window.addEventListener !== 'function') return () => {}
      const listener = (event: StorageEvent) => {
        if (event.storageArea !== web || (event.key !== key && event.key !== null)) return
        heldInMemory.delete(key) // the other tab's value is the truth now
        onChange()
      }
      window.addEventListener('storage', listener)
      return () => window.removeEventListener('storage', listener)
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
