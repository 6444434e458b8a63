import type { HiveConnector } from './HiveConnector.js'
import { injectedWallet, type KeychainOptions } from './injectedWallet.js'

export type { KeychainOptions } from './injectedWallet.js'

/**
 * Hive Keychain: the browser extension, and the browser inside Keychain Mobile (both inject `window.hive_keychain`).
 * Logs in by signing a Sign in with Hive message (`requestSignBuffer`), signs with `requestBroadcast`. Its code loads
 * on first use.
 */
export function keychain(options: KeychainOptions = {}): HiveConnector {
  return injectedWallet(
    { id: 'keychain', name: 'Hive Keychain', rdns: 'com.hivekeychain', global: 'hive_keychain', website: 'https://hive-keychain.com' },
    options,
  )
}
