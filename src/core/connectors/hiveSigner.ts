import { defineConnector } from './defineConnector.js'
import type { HiveConnector } from './HiveConnector.js'

/** Options of the HiveSigner connector. */
export interface HiveSignerOptions {
  /** Your app's Hive account, registered as a HiveSigner app (`client_id`). */
  app: string
  /** Your page that runs `completeHiveSignerLogin()`, listed in your app's HiveSigner profile (`redirect_uri`). */
  callbackUrl: string
  /** Default `https://hivesigner.com` (the devkit's fake HiveSigner runs elsewhere). */
  baseUrl?: string
  /** Where its API answers (default: `baseUrl`). */
  apiUrl?: string
  /** Default `['login']`; `['posting']` lets your app broadcast through HiveSigner's API (vote, comment, custom_json…). */
  scope?: readonly string[]
  /** How long a login may wait in HiveSigner's window (ms, default 120 000). */
  timeoutMs?: number
}

/**
 * HiveSigner, the web wallet: logs in in its window (OAuth, the token comes back to your `callbackUrl`), broadcasts
 * through its API. Its token proves that the account's key authorised your app, not this site nor a nonce: such a
 * session is never `verified`, and a login that asks for verification is refused. Its code loads on first use.
 */
export function hiveSigner(options: HiveSignerOptions): HiveConnector {
  return defineConnector({
    id: 'hivesigner',
    name: 'HiveSigner',
    kind: 'redirect',
    features: { login: 'hivesigner:token', signOnly: false, decrypt: false },
    downloadUrls: { web: 'https://hivesigner.com' },
    timeoutMs: options.timeoutMs,
    installed: () => true,
    // Opened in the click itself (a window opened after the code loads would be blocked), then sent to HiveSigner. Not
    // for a login asking to be verified: HiveSigner proves none, so it is refused without a window.
    prepare: (login) =>
      login.verify || login.verifyLogin ? undefined : globalThis.open?.('about:blank', 'hivesigner', 'popup,width=480,height=720'),
    load: () => import('./startConnector.js').then((m) => m.createHiveSignerImpl(options)),
  })
}
