import type { InjectedWallet } from './injectedWallet.js'

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
export function injectedProvider({ rdns, global, flag }: Pick<InjectedWallet, 'rdns' | 'global' | 'flag'>): KeychainLikeApi | undefined {
  const page = globalThis as unknown as Providers
  const providers = page.hive?.providers
  const legacy = page[global] as Record<string, unknown> | undefined
  return [
    Array.isArray(providers) ? providers.find((p) => p?.rdns === rdns)?.provider : undefined,
    // A shared global (`window.hive`) counts only with the wallet's own flag on it (`isKeeper`).
    !flag || legacy?.[flag] === true ? legacy : undefined,
  ].find(isApi)
}
