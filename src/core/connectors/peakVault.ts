import { defineConnector } from './defineConnector.js'
import type { HiveConnector } from './HiveConnector.js'
import { injectedProvider } from './injectedProvider.js'

/** Options of the Peak Vault connector. */
export interface PeakVaultOptions {
  /** How long one request may wait for the user in Peak Vault (ms, default 120 000). */
  timeoutMs?: number
}

const RDNS = 'com.peakd.vault'

/**
 * Peak Vault (PeakD's browser extension, `window.peakvault`, promise API): logs in by signing a Sign in with Hive
 * message, signs with `requestBroadcast`. Written from its consumers' documented shapes (it is closed source). Its code
 * loads on first use.
 */
export function peakVault(options: PeakVaultOptions = {}): HiveConnector {
  return defineConnector({
    id: 'peakvault',
    name: 'Peak Vault',
    kind: 'injected',
    rdns: RDNS,
    features: { login: 'hive:secp256k1-sha256', signOnly: true, decrypt: true },
    downloadUrls: { web: 'https://vault.peakd.com' },
    timeoutMs: options.timeoutMs,
    installed: () => injectedProvider(RDNS, 'peakvault') !== undefined,
    load: () => import('./startConnector.js').then((m) => m.createPeakVaultImpl(RDNS)),
  })
}
