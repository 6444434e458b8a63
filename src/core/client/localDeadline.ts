/** Skew (ms) between the relay's clock and ours below which the relay's `expire` is taken as is. */
const TOLERATED_SKEW_MS = 2000

/**
 * Turns a relay's `expire` (its clock) into a deadline on our clock. The relay set `expire = its now + timeout`
 * just before answering, so a large gap from `our now + timeout` is clock skew, which we remove.
 */
export function localDeadline(serverExpire: number | undefined, timeoutMs: number, now: number): number {
  // Correcting the skew gives exactly now + timeout, so that is also the answer for absurd values (1e308, negative).
  if (serverExpire === undefined || !Number.isFinite(serverExpire)) return now + timeoutMs
  const skew = serverExpire - timeoutMs - now
  return Math.abs(skew) <= TOLERATED_SKEW_MS ? serverExpire : now + timeoutMs
}
