import { secp256k1 } from '@noble/curves/secp256k1.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { base58 } from '@scure/base'
import { challengeDigest, encodePublicKey } from '../core/crypto/signatures.js'

/** Authority roles of a Hive account. */
export type KeyRole = 'owner' | 'active' | 'posting' | 'memo'

const utf8 = (text: string) => new TextEncoder().encode(text)
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/** The private key Hive derives from an account name, its master password and a role (dhive `PrivateKey.fromLogin`). */
export function privateKeyFromLogin(account: string, password: string, role: KeyRole): Uint8Array {
  return sha256(utf8(account + role + password))
}

/** Encodes a private key as a WIF string (`5…`). */
export function privateKeyToWif(privateKey: Uint8Array): string {
  const payload = new Uint8Array([0x80, ...privateKey])
  return base58.encode(new Uint8Array([...payload, ...sha256(sha256(payload)).subarray(0, 4)]))
}

/** The `STM…` public key of a private key. */
export function publicKeyOf(privateKey: Uint8Array): string {
  return encodePublicKey(secp256k1.getPublicKey(privateKey, true))
}

/**
 * Signs a message the way Hive wallets sign challenges: a compact 65-byte signature in hex, header `31 + recId`,
 * retried with fresh entropy until it is canonical (the form Hive nodes accept).
 */
export function signMessage(message: string, privateKey: Uint8Array): string {
  return signDigest(challengeDigest(message), privateKey)
}

/** Signs a 32-byte digest (a transaction's) the same way. */
export function signDigest(digest: Uint8Array, privateKey: Uint8Array): string {
  for (let attempt = 0; ; attempt++) {
    const extraEntropy = attempt === 0 ? false : sha256(new Uint8Array([...digest, attempt & 0xff, attempt >> 8]))
    const recovered = secp256k1.sign(digest, privateKey, { prehash: false, format: 'recovered', extraEntropy })
    const r = recovered.subarray(1, 33)
    const s = recovered.subarray(33, 65)
    if (isCanonical(r) && isCanonical(s)) return toHex(new Uint8Array([31 + recovered[0]!, ...r, ...s]))
  }
}

/** Hive's canonical-signature rule for one 32-byte half (r or s). */
function isCanonical(half: Uint8Array): boolean {
  return !(half[0]! & 0x80) && !(half[0] === 0 && !(half[1]! & 0x80))
}
