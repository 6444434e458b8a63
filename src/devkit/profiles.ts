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

/** The traits of each profile. */
export const PROFILES: Record<WalletProfile, ProfileTraits> = {
  'docs-v1': {
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
  },
  'pksa-service': {
    issuesToken: false,
    sessionLookup: 'key',
    authNack: 'data',
    requestNack: 'data',
    nonce: 'strict',
    signAckBroadcastField: false,
    encryptsAuthError: false,
    registerFormat: 'v1',
    keyReqOnOpen: false,
    announcesWait: false,
    honoursDecrypt: true,
    signOnly: 'error',
    signsWithActive: false,
  },
  keychain: {
    issuesToken: true,
    sessionLookup: 'token',
    authNack: 'none',
    requestNack: 'error-text',
    nonce: 'unique',
    signAckBroadcastField: true,
    encryptsAuthError: true,
    registerFormat: 'v0.8',
    keyReqOnOpen: true,
    announcesWait: true,
    honoursDecrypt: false,
    signOnly: 'error',
    signsWithActive: true,
  },
  'hiveauth-mobile': {
    issuesToken: true,
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
    signOnly: 'error',
    signsWithActive: true,
  },
}

/** Every profile name. */
export const WALLET_PROFILES = Object.keys(PROFILES) as WalletProfile[]
