import { generateNonce } from '../core/chain/loginMessage.js'
import type { HasServerStore } from './HasServerStore.js'

/** How long an issued nonce may wait for its login (ms): as long as the kit's own messages live. */
export const DEFAULT_NONCE_TTL_MS = 10 * 60_000

/** The store key of a nonce. */
export const nonceKey = (nonce: string) => `nonce:${nonce}`

/** Issues a fresh nonce and keeps it in `store` until it is used or `ttlMs` has passed. */
export async function issueNonce(store: HasServerStore, options: { ttlMs?: number } = {}): Promise<string> {
  for (;;) {
    const nonce = generateNonce()
    if (await store.add(nonceKey(nonce), '1', options.ttlMs ?? DEFAULT_NONCE_TTL_MS)) return nonce
  }
}

/** Uses a nonce up: true for the one caller that gets it (it was issued, has not expired and was not used). */
export async function consumeNonce(store: HasServerStore, nonce: string): Promise<boolean> {
  return (await store.take(nonceKey(nonce))) !== undefined
}
