import type { SignResult } from '../actions/sign.js'
import { HasCancelledError } from '../errors/HasCancelledError.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { TXID } from '../protocol/constants.js'
import type { LoginSignature } from './HiveConnector.js'

// What the browser wallets' code shares (Keychain family, Peak Vault, HiveSigner): one turn per wallet across tabs,
// a wallet asked only for a live request, and the answers they have in common read one way.

interface LockManagerLike {
  request<T>(name: string, options: { signal: AbortSignal }, task: () => Promise<T>): Promise<T>
}

const SIGNATURE = /^[0-9a-f]{130}$/

/**
 * Runs `task` alone among this origin's tabs for the wallet `rdns` (Web Locks), or at once where the browser has none:
 * an extension that keeps one request at a time orphans the older one, so a second tab waits its turn instead. A
 * request cancelled here gives its turn up at once (the next one then replaces it in the wallet, which shows one
 * request at a time) and keeps listening: its wallet may still approve it (the client records that as late).
 */
export function walletTurn<T>(rdns: string, signal: AbortSignal, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks
  if (!locks) return task()
  let running: Promise<T> | undefined
  const turn = () => {
    running = task()
    return new Promise<void>((release) => {
      const onAbort = () => release()
      const settled = () => {
        signal.removeEventListener('abort', onAbort)
        release()
      }
      running?.then(settled, settled)
      if (signal.aborted) release()
      else signal.addEventListener('abort', onAbort, { once: true })
    })
  }
  return locks.request(`hive-auth-react/wallet/${rdns}`, { signal }, turn).then(
    () => running as Promise<T>,
    (error: unknown) => {
      throw signal.aborted && !running ? new HasCancelledError() : error
    },
  )
}

/**
 * The wallet's answer to `ask()`, asked only while the request lives. A request cancelled or expired meanwhile still
 * gets it: no wallet can be told to take a request back, and an approval there still signed (the client reports it
 * for a sign or a challenge cancelled here, and ignores it otherwise).
 */
export function untilSettled<T>(signal: AbortSignal, ask: () => Promise<T>): Promise<T> {
  return signal.aborted ? Promise.reject(new HasCancelledError()) : ask()
}

/** A signed message as the Keychain-like wallets answer it: 130 lower-case hex characters and the key that signed. */
export function readSignature(wallet: string, result: unknown, publicKey: unknown): LoginSignature {
  if (typeof result !== 'string' || !SIGNATURE.test(result) || typeof publicKey !== 'string') {
    throw new HasProtocolError(`${wallet} sent a signature this kit cannot read.`, { retryable: true })
  }
  return { signature: result, publicKey }
}

/** A broadcast's outcome from the id a wallet returned: none for a multisig account's transaction, sent to its other signers. */
export function broadcastOutcome(txid: unknown): SignResult {
  return typeof txid === 'string' && TXID.test(txid) ? { broadcast: true, txid: txid.toLowerCase() } : { broadcast: true }
}

/** A wallet that broadcasts what it signs, asked to only sign. */
export function cannotOnlySign(wallet: string): HasFailedError {
  return new HasFailedError('wallet', `${wallet} signs and broadcasts: it cannot only sign here.`, { reason: 'unsupported', retryable: false })
}
