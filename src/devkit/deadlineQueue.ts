/**
 * Items that fall due in the order they were added (every request lives as long as the next): one timer for all,
 * and each item's removal is O(1), however many are held.
 */
export function createDeadlineQueue<T>(onDue: (item: T) => void) {
  const items: { at: number; item: T }[] = []
  let head = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  function sweep() {
    timer = undefined
    const now = Date.now()
    while (head < items.length && items[head]!.at <= now) onDue(items[head++]!.item)
    if (head > 1024 && head * 2 > items.length) {
      items.splice(0, head)
      head = 0
    }
    arm()
  }

  function arm() {
    if (timer || head >= items.length) return
    timer = setTimeout(sweep, Math.max(0, items[head]!.at - Date.now()))
  }

  return {
    /** Adds an item due at `at` (not earlier than the items before it). */
    add(at: number, item: T) {
      items.push({ at, item })
      arm()
    },
    clear() {
      clearTimeout(timer)
      timer = undefined
      items.length = 0
      head = 0
    },
  }
}
