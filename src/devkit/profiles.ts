/** Wallet flavours the simulator reproduces, each as the real wallet speaks (see the protocol notes in README). */
export type WalletProfile = 'docs-v1' | 'pksa-service' | 'keychain' | 'hiveauth-mobile'

/** The behaviours that differ between wallets. */
export interface ProfileTraits {
  /** Returns a v0.8 `token` in `auth_ack` (Keychain, HiveAuth mobile). */
  issuesToken: boolean
  /** How sign and challenge requests find their session: by outer token only (Keychain) or by trying keys (v1). */
  sessionLookup: 'token' | 'key'
  /** What an `auth_nack` carries: the encrypted uuid, or nothing (Keychain's decline). */
  authNack: 'data' | 'none'
  /** What a `sign_nack` / `challenge_nack` carries: the encrypted uuid, or a plain `error` text (Keychain). */
  requestNack: 'data' | 'error-text'
  /** Nonce rule: strictly increasing per key (v1, a failure answered with a generic `error`), unique, or unchecked. */
  nonce: 'strict' | 'unique'
  /** Whether `sign_ack` carries `broadcast` (the service PKSA forgets it). */
  signAckBroadcastField: boolean
  /** Whether `auth_err.error` is encrypted (the service PKSA sends plain text). */
  encryptsAuthError: boolean
  /** `register_req` shape. */
  registerFormat: 'v1' | 'v0.8'
  /** Sends `key_req` as soon as the socket opens instead of after `connected` (Keychain). */
  keyReqOnOpen: boolean
  /** Tells the relay `auth_wait` / `sign_wait` without a uuid when a request arrives (Keychain). */
  announcesWait: boolean
  /** Honours `decrypt: true` on challenges; Keychain ignores it and signs. */
  honoursDecrypt: boolean
  /** Answer to `broadcast: false`: a signed transaction (what the docs describe) or an error (what wallets do). */
  signOnly: 'signed-tx' | 'error'
  /** Approves transactions that need the active key (the service PKSA never does, and stays silent). */
  signsWithActive: boolean
}

const DOCS_V1: ProfileTraits = {
  issuesToken: false,
  sessionLookup: 'key',
  authNack: 'data',
  requestNack: 'data',
  nonce: 'strict',
  signAckBroadcastField: true,
  encryptsAuthError: true,
  registerFormat: 'v1',
  keyReqOnOpen: false,
  announcesWait: false,
  honoursDecrypt: true,
  signOnly: 'signed-tx',
  signsWithActive: true,
}

/** The traits of each profile: the documented protocol, and how each real wallet departs from it. */
export const PROFILES: Record<WalletProfile, ProfileTraits> = {
  'docs-v1': DOCS_V1,
  'pksa-service': { ...DOCS_V1, signAckBroadcastField: false, encryptsAuthError: false, signOnly: 'error', signsWithActive: false },
  keychain: {
    ...DOCS_V1,
    issuesToken: true,
    sessionLookup: 'token',
    authNack: 'none',
    requestNack: 'error-text',
    nonce: 'unique',
    registerFormat: 'v0.8',
    keyReqOnOpen: true,
    announcesWait: true,
    honoursDecrypt: false,
    signOnly: 'error',
  },
  'hiveauth-mobile': { ...DOCS_V1, issuesToken: true, signOnly: 'error' },
}

/** Every profile name. */
export const WALLET_PROFILES = Object.keys(PROFILES) as WalletProfile[]
