import { defineConnector } from './defineConnector.js'
import type { HiveConnector } from './HiveConnector.js'
import { injectedProvider } from './injectedProvider.js'

/** Options of the Hive Keychain connector. */
export interface KeychainOptions {
  /** How long one request may wait for the user in Keychain's window (ms, default 120 000). */
  timeoutMs?: number
}

/**
 * Hive Keychain: the browser extension, and the browser inside Keychain Mobile (both inject `window.hive_keychain`;
 * Hive Keeper injects the same API). Logs in by signing a Sign in with Hive message (`requestSignBuffer`), signs with
 * `requestBroadcast`. Its code loads on first use.
 */
export function keychain(options: KeychainOptions = {}): HiveConnector {
  return defineConnector({
    id: 'keychain',
    name: 'Hive Keychain',
    kind: 'injected',
    rdns: 'com.hivekeychain',
    features: { login: 'hive:secp256k1-sha256', signOnly: false, decrypt: false },
    downloadUrls: { web: 'https://hive-keychain.com' },
    installed: () => injectedProvider('com.hivekeychain', 'hive_keychain') !== undefined,
    timeoutMs: options.timeoutMs,
    load: () => import('./keychainImpl.js').then((m) => m.createKeychainImpl('com.hivekeychain', 'hive_keychain', 'Hive Keychain')),
  })
}
