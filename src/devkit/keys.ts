import { secp256k1 } from '@noble/curves/secp256k1.js'
import { ripemd160 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { base58 } from '@scure/base'

/** Authority roles of a Hive account. */
export type KeyRole = 'owner' | 'active' | 'posting' | 'memo'

const utf8 = (text: string) => new TextEncoder().encode(text)
const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16))

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

/** The SHA-256 digest a HiveAuth challenge signature covers: the UTF-8 bytes of the message, nothing prepended. */
export function challengeDigest(message: string): Uint8Array {
  return sha256(utf8(message))
}

/**
 * Signs a message the way Hive wallets sign challenges: a compact 65-byte signature in hex, header `31 + recId`,
 * retried with fresh entropy until it is canonical (the form Hive nodes accept).
 */
export function signMessage(message: string, privateKey: Uint8Array): string {
  const digest = challengeDigest(message)
  for (let attempt = 0; ; attempt++) {
    const extraEntropy = attempt === 0 ? false : sha256(new Uint8Array([...digest, attempt & 0xff, attempt >> 8]))
    const recovered = secp256k1.sign(digest, privateKey, { prehash: false, format: 'recovered', extraEntropy })
    const r = recovered.subarray(1, 33)
    const s = recovered.subarray(33, 65)
    if (isCanonical(r) && isCanonical(s)) return toHex(new Uint8Array([31 + recovered[0]!, ...r, ...s]))
  }
}

/** The `STM…` public key that produced a challenge signature, or undefined when the signature is malformed. */
export function recoverSigner(message: string, signatureHex: string): string | undefined {
  if (!/^[0-9a-f]{130}$/i.test(signatureHex)) return undefined
  const bytes = fromHex(signatureHex)
  const header = bytes[0]!
  const recId = header >= 31 ? header - 31 : header - 27
  if (recId < 0 || recId > 3) return undefined
  try {
    const recovered = new Uint8Array([recId, ...bytes.subarray(1)])
    return encodePublicKey(secp256k1.recoverPublicKey(recovered, challengeDigest(message), { prehash: false }))
  } catch {
    return undefined
  }
}

/** Whether `signatureHex` is a signature of `message` by the key `publicKey` (`STM…`). */
export function verifyChallenge(message: string, signatureHex: string, publicKey: string): boolean {
  return recoverSigner(message, signatureHex) === publicKey
}

function encodePublicKey(compressed: Uint8Array): string {
  const checksum = ripemd160(compressed).subarray(0, 4)
  return 'STM' + base58.encode(new Uint8Array([...compressed, ...checksum]))
}

/** Hive's canonical-signature rule for one 32-byte half (r or s). */
function isCanonical(half: Uint8Array): boolean {
  return !(half[0]! & 0x80) && !(half[0] === 0 && !(half[1]! & 0x80))
}
