const MAX_DELAY = 2 ** 31 - 1

/** setTimeout for an absolute time, clamped so that far-off or past deadlines neither overflow nor misfire. */
export function scheduleAt(at: number, callback: () => void): ReturnType<typeof setTimeout> {
  return setTimeout(callback, Math.min(MAX_DELAY, Math.max(0, at - Date.now())))
}
