import { defineConnector } from './defineConnector.js'
import type { HiveConnector } from './HiveConnector.js'
import { injectedProvider, type KeychainLikeApi } from './injectedProvider.js'

/** Options of the browser extensions' connectors (Hive Keychain, Hive Keeper, Peak Vault). */
export interface KeychainOptions {
  /** How long one request may wait for the user in the wallet's window (ms, default 120 000). */
  timeoutMs?: number
}

/** Where a browser extension's page API is found, and what it is called. */
export interface InjectedWallet {
  id: string
  name: string
  /** Its entry in `window.hive.providers`. */
  rdns: string
  /** Its legacy global, and the flag that global must carry when it is shared (`window.hive` with `isKeeper`). */
  global: string
  flag?: string
  website: string
  /** Peak Vault's API (promises); otherwise Hive Keychain's (callbacks). */
  promises?: true
}

/** What an extension's code is handed: its name, its id, and how to find its page API now (it may go or come). */
export interface FoundWallet {
  name: string
  rdns: string
  api(): KeychainLikeApi | undefined
}

/** A connector for a browser extension: found by `rdns`, else by its global; its code on first use. */
export function injectedWallet(wallet: InjectedWallet, options: KeychainOptions): HiveConnector {
  const { id, name, rdns, website } = wallet
  // Only the descriptor reads the page (its code asks through `api`): the lookup stays in the first-load file.
  const api = () => injectedProvider(wallet)
  return defineConnector({
    id,
    name,
    kind: 'injected',
    rdns,
    features: { login: 'hive:secp256k1-sha256', signOnly: true, decrypt: true },
    downloadUrls: { web: website },
    timeoutMs: options.timeoutMs,
    installed: () => api() !== undefined,
    // The wallets' code shares one chunk with the connector runner: one lazy file, not one per wallet (see startConnector).
    load: () => import('./startConnector.js').then((m) => (wallet.promises ? m.createPeakVaultImpl : m.createKeychainImpl)({ name, rdns, api })),
  })
}
