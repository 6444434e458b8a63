/** Public HAS relays, in the order the kit tries them. */
export const DEFAULT_HAS_HOSTS: readonly string[] = ['wss://hive-auth.arcange.eu', 'wss://has.hiveauth.com']

/** Request lifetime (seconds) assumed until a relay's `connected` message says otherwise. */
export const DEFAULT_TIMEOUT_SECONDS = 60

/** Lowest and (exclusive) highest protocol numbers the client speaks: 0.8 (Keychain era) up to any 1.x. */
export const MIN_PROTOCOL = 0.8
export const MAX_PROTOCOL_EXCLUSIVE = 2

/** Frames longer than this are dropped unread; real HAS frames are a few kilobytes. */
export const MAX_FRAME_CHARS = 256 * 1024

/** Deep-link prefixes understood by Hive wallets. */
export const AUTH_LINK_PREFIX = 'has://auth_req/'
export const SIGN_LINK_PREFIX = 'has://sign_req/'
export const CHALLENGE_LINK_PREFIX = 'has://challenge_req/'

/** Key roles a request may ask the wallet to use. */
export type KeyType = 'posting' | 'active' | 'memo'
export const KEY_TYPES: readonly KeyType[] = ['posting', 'active', 'memo']

/** Whether a relay's protocol number is one the client speaks. */
export function isSupportedProtocol(protocol: number): boolean {
  return protocol >= MIN_PROTOCOL && protocol < MAX_PROTOCOL_EXCLUSIVE
}

/** A relay-assigned request id the client accepts: what fits in a deep link and a QR code (UUIDs and the like). */
export const PLAUSIBLE_UUID = /^[A-Za-z0-9_-]{1,64}$/

/** Longest challenge message the kit sends (it travels in the request and is kept to check the answer). */
export const MAX_CHALLENGE_CHARS = 8192
/** The longest challenge as sent (its Buffer-JSON envelope, up to 4 characters a byte): fits a relay's 64 KiB frame once encrypted. */
export const MAX_WIRE_CHALLENGE_CHARS = 40_000

/** A broadcast transaction id: 40 hex characters. */
export const TXID = /^[0-9a-f]{40}$/i

/** The longest session the kit keeps (ms): a wallet granting more, or storage claiming more, is not believed. */
export const MAX_SESSION_MS = 90 * 24 * 3600 * 1000
