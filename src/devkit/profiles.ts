import type { RequestKind } from '../core/protocol/messages.js'
import type { ChallengeBytesRule } from './challengeBytes.js'

/** Wallet flavours the simulator reproduces, each as the real wallet speaks (see docs/devkit.md). */
export type WalletProfile = 'docs-v1' | 'pksa-service' | 'keychain' | 'hiveauth-mobile'

/** The behaviours that differ between wallets: each profile is the documented protocol plus its departures. */
export interface ProfileTraits {
  /** Returns a v0.8 `token` in `auth_ack` (Keychain, HiveAuth mobile). */
  issuesToken: boolean
  /** How sign and challenge requests find their session: by outer token only (Keychain) or by trying keys (v1). */
  sessionLookup: 'token' | 'key'
  /** An `auth_req` whose outer token names a live session is approved at once, with no scan (Keychain). */
  renewsByToken: boolean
  /** What a refused `sign_req` carries: the encrypted uuid, or Keychain's plain `error` text and no proof. */
  signRefusal: 'data' | 'error-text'
  /** Nonce rule for sign requests: strictly increasing per key (v1; a failure is a generic `error`) or unique. */
  nonce: 'strict' | 'unique'
  /** Whether challenge requests have their nonce checked too (Keychain checks none). */
  checksChallengeNonce: boolean
  /**
   * A request without a nonce: refused like a stale one, or given one the wallet makes up (the HiveAuth app, which
   * still takes v0.8 requests: "strict per key" with that exception; the official wrapper's default challenge has none).
   */
  missingNonce: 'refuse' | 'make-up'
  /** Whether `sign_ack` carries `broadcast` (the service PKSA forgets it). */
  signAckBroadcastField: boolean
  /** Whether `auth_err.error` is encrypted (the service PKSA sends plain text). */
  encryptsAuthError: boolean
  /** `register_req` shape: v1 `{ name, pok }`, or v0.8 `{ name, key_type, challenge }` (Keychain). */
  registerFormat: 'v1' | 'v0.8'
  /** Adds a proof of key (`pok`) to every answer (v1 PKSAs; Keychain never does). */
  answersWithPok: boolean
  /** How many `#` the proof of key's text starts with (the HiveAuth app adds one twice). */
  pokHashes: '#' | '##'
  /** Sends `key_req` as soon as the socket opens instead of after `connected` (Keychain). */
  keyReqOnOpen: boolean
  /** Tells the relay `*_wait` (without a uuid) when a request of these kinds arrives (Keychain: logins and signs). */
  announcesWait: readonly RequestKind[]
  /** Honours `decrypt: true` on challenges; Keychain ignores it and signs. */
  honoursDecrypt: boolean
  /**
   * `broadcast: false`: answer a signed transaction (the docs), refuse with `sign_err` (service PKSA), broadcast anyway
   * and answer nothing (Keychain), or answer nothing (HiveAuth app).
   */
  signOnly: 'signed-tx' | 'refuse' | 'broadcast-silently' | 'silent'
  /** A broadcast the chain rejects: `sign_err` (docs, service PKSA), Keychain's text `sign_nack`, or silence (HiveAuth app). */
  chainFailure: 'sign-err' | 'nack-text' | 'silent'
  /** Approves transactions that need the active key (the service PKSA never does, and stays silent). */
  signsWithActive: boolean
  /**
   * A login challenge for a key role the wallet lacks: refuse with proof (docs), stay silent (Keychain, service PKSA),
   * or approve the login without the challenge (HiveAuth app).
   */
  missingChallengeKey: 'refuse' | 'silent' | 'approve-without-challenge'
  /** Which bytes a challenge signature covers, and which challenges the wallet's code never answers (challengeBytes.ts). */
  challengeBytes: ChallengeBytesRule
}

const DOCS_V1: ProfileTraits = {
  issuesToken: false,
  sessionLookup: 'key',
  renewsByToken: false,
  signRefusal: 'data',
  nonce: 'strict',
  checksChallengeNonce: true,
  missingNonce: 'refuse',
  signAckBroadcastField: true,
  encryptsAuthError: true,
  registerFormat: 'v1',
  answersWithPok: true,
  pokHashes: '#',
  keyReqOnOpen: false,
  announcesWait: [],
  honoursDecrypt: true,
  signOnly: 'signed-tx',
  chainFailure: 'sign-err',
  signsWithActive: true,
  missingChallengeKey: 'refuse',
  challengeBytes: 'text',
}

/** The traits of each profile: the documented protocol, and how each real wallet departs from it (PROTOCOL §12). */
export const PROFILES: Record<WalletProfile, ProfileTraits> = {
  'docs-v1': DOCS_V1,
  'pksa-service': {
    ...DOCS_V1,
    signAckBroadcastField: false,
    encryptsAuthError: false,
    signOnly: 'refuse',
    signsWithActive: false,
    missingChallengeKey: 'silent',
  },
  keychain: {
    ...DOCS_V1,
    issuesToken: true,
    sessionLookup: 'token',
    renewsByToken: true,
    signRefusal: 'error-text',
    nonce: 'unique',
    checksChallengeNonce: false,
    registerFormat: 'v0.8',
    answersWithPok: false,
    keyReqOnOpen: true,
    announcesWait: ['auth', 'sign'],
    honoursDecrypt: false,
    signOnly: 'broadcast-silently',
    chainFailure: 'nack-text',
    missingChallengeKey: 'silent',
    challengeBytes: 'keychain-bridge',
  },
  'hiveauth-mobile': {
    ...DOCS_V1,
    issuesToken: true,
    pokHashes: '##',
    missingNonce: 'make-up',
    signOnly: 'silent',
    chainFailure: 'silent',
    missingChallengeKey: 'approve-without-challenge',
    challengeBytes: 'js-unescaped',
  },
}

/** Every profile name. */
export const WALLET_PROFILES = Object.keys(PROFILES) as WalletProfile[]
