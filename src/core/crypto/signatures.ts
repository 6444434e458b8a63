import { secp256k1 } from '@noble/curves/secp256k1.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { bufferEnvelope } from './challengeSpelling.js'
import { encodePublicKey, HIVE_KEY_PREFIX } from './publicKeys.js'
import '../firstLoadShared.js'

export { decodePublicKey, encodePublicKey, HIVE_KEY_PREFIX } from './publicKeys.js'

// Loaded lazily by the client (see lazySignatures.ts): a dApp that never checks a signature never downloads a curve.

/** A signature in its one canonical spelling: lower-case hex. */
const SIGNATURE_HEX = /^[0-9a-f]{130}$/
/** Half the curve order: a canonical (BIP-62 low-S) signature's `s` is at most this, as hived requires. */
const HALF_ORDER = secp256k1.Point.CURVE().n >> 1n

/** The SHA-256 digest a HiveAuth challenge signature covers: the UTF-8 bytes of the message, nothing prepended. */
export function challengeDigest(message: string): Uint8Array {
  return sha256(new TextEncoder().encode(message))
}

/**
 * The public key (`STM…`, or `prefix`) that produced a compact signature over sha256 of the UTF-8 message, as Hive
 * wallets sign: 65 bytes in lower-case hex, header 31 + recovery id (a compressed key), low S. Only that one spelling
 * of a signature is accepted (not the 27-based header, upper-case hex or the high-S twin, which recover the same key),
 * so a replay cache can key on the signature string. HasInvalidArgumentError when it is malformed or not canonical.
 */
export function recoverPublicKey(message: string, signatureHex: string, prefix = HIVE_KEY_PREFIX): string {
  if (typeof message !== 'string') throw new HasInvalidArgumentError('The message must be a string.')
  return recoverDigestSigner(challengeDigest(message), signatureHex, prefix)
}

/** The public key that signed a 32-byte digest (a transaction's), with the same canonical-only rule as recoverPublicKey. */
export function recoverDigestSigner(digest: Uint8Array, signatureHex: string, prefix = HIVE_KEY_PREFIX): string {
  if (typeof signatureHex !== 'string' || !SIGNATURE_HEX.test(signatureHex)) {
    throw new HasInvalidArgumentError('A signature is 130 lower-case hexadecimal characters (65 bytes).')
  }
  const bytes = Uint8Array.from(signatureHex.match(/../g)!, (h) => Number.parseInt(h, 16)) // 130 hex: 65 pairs
  const recId = bytes[0]! - 31
  if (recId < 0 || recId > 3) throw new HasInvalidArgumentError('The signature header is not 31–34 (a compressed key).')
  if (BigInt(`0x${signatureHex.slice(66)}`) > HALF_ORDER) throw new HasInvalidArgumentError('The signature is not canonical (high S).')
  try {
    const recovered = new Uint8Array([recId, ...bytes.subarray(1)])
    return encodePublicKey(secp256k1.recoverPublicKey(recovered, digest, { prehash: false }), prefix)
  } catch (cause) {
    throw new HasInvalidArgumentError('No public key can be recovered from this signature.', { cause })
  }
}

/**
 * The key that signed the message's Buffer-JSON envelope (see challengeSpelling.ts): what the HiveAuth app and the
 * service PKSA sign when the kit sends a message that way. Same canonical-only rule as recoverPublicKey.
 */
export function recoverEnvelopeSigner(message: string, signatureHex: string, prefix = HIVE_KEY_PREFIX): string {
  if (typeof message !== 'string') throw new HasInvalidArgumentError('The message must be a string.')
  return recoverDigestSigner(challengeDigest(bufferEnvelope(message)), signatureHex, prefix)
}

/**
 * Whether `signatureHex` (canonical) signs `message` with `publicKey` (`STM…`, or `prefix`): over the message's UTF-8
 * bytes, or over its Buffer-JSON envelope. False for any malformed input.
 */
export function verifySignature(message: string, signatureHex: string, publicKey: string, prefix = HIVE_KEY_PREFIX): boolean {
  try {
    return recoverPublicKey(message, signatureHex, prefix) === publicKey || recoverEnvelopeSigner(message, signatureHex, prefix) === publicKey
  } catch {
    return false
  }
}
