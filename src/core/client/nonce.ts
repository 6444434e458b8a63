/**
 * Millisecond nonces that strictly increase even when two requests share a millisecond (the service PKSA rejects a
 * nonce that is not greater than the last one it saw for the key).
 */
export function createNonceSource(now: () => number = Date.now): () => number {
  let last = 0
  return () => {
    last = Math.max(now(), last + 1)
    return last
  }
}
