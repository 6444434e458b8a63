/** A bound on the verifications a server runs at once (each may hold Hive API requests and their answers). */
export interface InFlightLimit {
  /** The most at once. */
  readonly max: number
  /** How many run now. */
  readonly inFlight: number
  /** Runs `task` if there is room (its result), or returns undefined at once when `max` already run. */
  tryRun<T>(task: () => Promise<T>): Promise<T | undefined>
}

/** Default bound of createInFlightLimit: each check holds at most a few 256 KiB answers, so 64 stay under ~50 MiB. */
export const DEFAULT_MAX_IN_FLIGHT = 64

/** A limit shared by the verifications of one server process (pass it to every verifyLogin call). */
export function createInFlightLimit(max = DEFAULT_MAX_IN_FLIGHT): InFlightLimit {
  let inFlight = 0
  return {
    max,
    get inFlight() {
      return inFlight
    },
    async tryRun(task) {
      if (inFlight >= max) return undefined
      inFlight++
      try {
        return await task()
      } finally {
        inFlight--
      }
    },
  }
}
