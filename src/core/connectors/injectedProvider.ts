/** The page API an extension of the Keychain family injects (`window.hive_keychain` and its kin). */
export interface KeychainLikeApi {
  requestHandshake(callback: () => void): void
  requestSignBuffer(account: string | null, message: string, role: string, callback: (answer: unknown) => void, rpc?: string, title?: string): void
  requestBroadcast(account: string, operations: unknown[], role: string, callback: (answer: unknown) => void, rpc?: string): void
  /** Signs a transaction without broadcasting it: answers `result` = the signed transaction. */
  requestSignTx?(account: string, tx: Record<string, unknown>, role: string, callback: (answer: unknown) => void, rpc?: string): void
  /** Decodes a memo (`#…`) with the account's key of `role`: answers `result: '#plain text'`. */
  requestVerifyKey?(account: string, message: string, role: string, callback: (answer: unknown) => void, rpc?: string): void
}

type Providers = { hive?: { providers?: { rdns?: unknown; provider?: unknown }[] } } & Record<string, unknown>

const isApi = (value: unknown): value is KeychainLikeApi =>
  typeof value === 'object' && value !== null && typeof (value as KeychainLikeApi).requestSignBuffer === 'function'

/**
 * The injected API of a wallet: its entry in `window.hive.providers` (the Hive Unified Wallet Protocol draft) by `rdns`,
 * else its legacy global. Read at each call: extensions inject after the page's own scripts.
 */
export function injectedProvider(rdns: string, global: string, flag?: string): KeychainLikeApi | undefined {
  const page = globalThis as unknown as Providers
  const listed = Array.isArray(page.hive?.providers) ? page.hive.providers.find((p) => p?.rdns === rdns)?.provider : undefined
  if (isApi(listed)) return listed
  const legacy = page[global]
  // A shared global (`window.hive`) counts only with the wallet's own flag on it (`isKeeper`).
  return isApi(legacy) && (!flag || (legacy as unknown as Record<string, unknown>)[flag] === true) ? legacy : undefined
}
