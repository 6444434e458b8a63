// Captured at load, so polling keeps real time even while a test fakes the timers the code under test uses.
const realSetTimeout = globalThis.setTimeout

/**
 * Waits (polling every 5 ms of real time) until `check` holds; throws after `timeoutMs`. For real-socket tests; with
 * faked timers, pass `tick` (e.g. `() => vi.advanceTimersByTimeAsync(5)`) so the fake clock moves along.
 */
export async function until(check: () => boolean, timeoutMs = 5000, tick?: () => Promise<unknown>): Promise<void> {
  const start = performance.now()
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('condition not reached')
    await new Promise((r) => realSetTimeout(r, 5))
    await tick?.()
  }
}

/** Lets real I/O run for a moment (socket frames in flight) without depending on faked timers. */
export const settle = (ms = 20) => new Promise((r) => realSetTimeout(r, ms))

/** The timers to fake in a test over real sockets: the client's and relay's clocks, not Node's I/O machinery. */
export const FAKE_CLOCK = {
  toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] as (
    | 'setTimeout'
    | 'clearTimeout'
    | 'setInterval'
    | 'clearInterval'
    | 'Date'
  )[],
}
