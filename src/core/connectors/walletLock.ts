import { HasCancelledError } from '../errors/HasCancelledError.js'

interface LockManagerLike {
  request<T>(name: string, options: { signal: AbortSignal }, task: () => Promise<T>): Promise<T>
}

/**
 * Runs `task` alone among this origin's tabs for the wallet `rdns` (Web Locks), or at once where the browser has none:
 * an extension that keeps one request at a time orphans the older one, so a second tab waits its turn instead.
 */
export function walletTurn<T>(rdns: string, signal: AbortSignal, task: () => Promise<T>): Promise<T> {
  const locks = (globalThis as { navigator?: { locks?: LockManagerLike } }).navigator?.locks
  if (!locks) return task()
  return locks.request(`hive-auth-react/wallet/${rdns}`, { signal }, task).catch((error: unknown) => {
    throw signal.aborted ? new HasCancelledError() : error
  })
}
