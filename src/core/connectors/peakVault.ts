import type { HiveConnector } from './HiveConnector.js'
import { injectedWallet } from './injectedWallet.js'

/** Options of the Peak Vault connector. */
export interface PeakVaultOptions {
  /** How long one request may wait for the user in Peak Vault (ms, default 120 000). */
  timeoutMs?: number
}

/**
 * Peak Vault (PeakD's browser extension, `window.peakvault`, promise API): logs in by signing a Sign in with Hive
 * message, signs with `requestBroadcast`. Written from its consumers' documented shapes (it is closed source). Its code
 * loads on first use.
 */
export function peakVault(options: PeakVaultOptions = {}): HiveConnector {
  return injectedWallet(
    { id: 'peakvault', name: 'Peak Vault', rdns: 'com.peakd.vault', global: 'peakvault', website: 'https://vault.peakd.com', promises: true },
    options,
  )
}
