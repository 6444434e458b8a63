import { defineConnector } from './defineConnector.js'
import type { HiveConnector } from './HiveConnector.js'
import { injectedProvider } from './injectedProvider.js'

/** Options of the Keychain-family connectors (Hive Keychain, Hive Keeper). */
export interface KeychainOptions {
  /** How long one request may wait for the user in the wallet's window (ms, default 120 000). */
  timeoutMs?: number
}

/** Where a wallet with Hive Keychain's page API is found, and what it is called. */
export interface KeychainFamilyWallet {
  id: string
  name: string
  /** Its entry in `window.hive.providers`. */
  rdns: string
  /** Its legacy global, and the flag that global must carry when it is shared (`window.hive` with `isKeeper`). */
  global: string
  flag?: string
  website: string
}

/** A connector for a wallet with Hive Keychain's page API: found by `rdns`, else by its global; code on first use. */
export function keychainFamily(wallet: KeychainFamilyWallet, options: KeychainOptions): HiveConnector {
  const { id, name, rdns, global, flag, website } = wallet
  return defineConnector({
    id,
    name,
    kind: 'injected',
    rdns,
    features: { login: 'hive:secp256k1-sha256', signOnly: true, decrypt: true },
    downloadUrls: { web: website },
    timeoutMs: options.timeoutMs,
    installed: () => injectedProvider(rdns, global, flag) !== undefined,
    // The wallets' code shares one chunk with the connector runner: one lazy file, not one per wallet (see startConnector).
    load: () => import('./startConnector.js').then((m) => m.createKeychainImpl(rdns, global, name, flag)),
  })
}
