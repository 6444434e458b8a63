import { defineConnector } from './defineConnector.js'
import type { HiveConnector } from './HiveConnector.js'
import { injectedProvider } from './injectedProvider.js'
import type { KeychainOptions } from './keychain.js'

/**
 * Hive Keeper (Ecency's extension): Hive Keychain's page API under `window.hive` (with `isKeeper`) and in
 * `window.hive.providers` as `com.ecency.keeper`. Reached by its own entry, so that with Keychain also installed each
 * connector asks its own wallet.
 */
export function keeper(options: KeychainOptions = {}): HiveConnector {
  return defineConnector({
    id: 'keeper',
    name: 'Hive Keeper',
    kind: 'injected',
    rdns: 'com.ecency.keeper',
    features: { login: 'hive:secp256k1-sha256', signOnly: false, decrypt: false },
    downloadUrls: { web: 'https://ecency.com/keeper' },
    timeoutMs: options.timeoutMs,
    installed: () => injectedProvider('com.ecency.keeper', 'hive', 'isKeeper') !== undefined,
    load: () => import('./keychainImpl.js').then((m) => m.createKeychainImpl('com.ecency.keeper', 'hive', 'Hive Keeper', 'isKeeper')),
  })
}
