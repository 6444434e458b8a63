import { randomUuid } from '../crypto/randomUuid.js'

const TAB_KEY = 'hive-auth-react/tab'

/**
 * An id for this browser tab that survives its reloads (sessionStorage is per tab), or undefined outside a browser.
 * Waiting requests are stamped with it, so a reload takes its own answers over and never another open tab's.
 */
export function currentTabId(): string | undefined {
  try {
    const storage = globalThis.sessionStorage
    if (!storage) return undefined
    let id = storage.getItem(TAB_KEY)
    if (!id) {
      id = randomUuid()
      storage.setItem(TAB_KEY, id)
    }
    return id
  } catch {
    return undefined
  }
}
