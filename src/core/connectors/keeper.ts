import type { HiveConnector } from './HiveConnector.js'
import { injectedWallet, type KeychainOptions } from './injectedWallet.js'

/**
 * Hive Keeper (Ecency's extension): Hive Keychain's page API under `window.hive` (with `isKeeper`) and in
 * `window.hive.providers` as `com.ecency.keeper`. Reached by its own entry, so that with Keychain also installed each
 * connector asks its own wallet.
 */
export function keeper(options: KeychainOptions = {}): HiveConnector {
  return injectedWallet(
    { id: 'keeper', name: 'Hive Keeper', rdns: 'com.ecency.keeper', global: 'hive', flag: 'isKeeper', website: 'https://ecency.com/keeper' },
    options,
  )
}
