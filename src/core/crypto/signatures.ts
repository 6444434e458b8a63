import { secp256k1 } from '@noble/curves/secp256k1.js'
import { ripemd160 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { base58 } from '@scure/base'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'

// Loaded lazily by the client (see lazySignatures.ts): a dApp that never checks a signature never downloads a curve.

const SIGNATURE_HEX = /^[0-9a-f]{130}$/i

/** The SHA-256 digest a HiveAuth challenge signature covers: the UTF-8 bytes of the message, nothing prepended. */
export function challengeDigest(message: string): Uint8Array {
  return sha256(new TextEncoder().encode(message))
}

/** Encodes a compressed secp256k1 point as a Hive public key (`STM` + base58 of the point and a RIPEMD-160 checksum). */
export function encodePublicKey(compressed: Uint8Array, prefix = 'STM'): string {
  const checksum = ripemd160(compressed).subarray(0, 4)
  return prefix + base58.encode(new Uint8Array([...compressed, ...checksum]))
}

/** The 33-byte point of a Hive public key (`STM…`, or another three-letter prefix), or undefined when malformed. */
export function decodePublicKey(publicKey: string): Uint8Array | undefined {
  if (typeof publicKey !== 'string' || !/^[A-Z]{3}[1-9A-HJ-NP-Za-km-z]{45,55}$/.test(publicKey)) return undefined
  let bytes: Uint8Array
  try {
    bytes = base58.decode(publicKey.slice(3))
  } catch {
    return undefined
  }
  if (bytes.length !== 37) return undefined
  const point = bytes.subarray(0, 33)
  const checksum = ripemd160(point).subarray(0, 4)
  return checksum.every((b, i) => b === bytes[33 + i]) ? point : undefined
}

/**
 * The public key (`STM…`) that produced a compact signature (65 bytes hex, header 31 + recId, as Hive wallets sign
 * challenges) over sha256 of the UTF-8 message. HasInvalidArgumentError when the signature is malformed.
 */
export function recoverPublicKey(message: string, signatureHex: string): string {
  if (typeof message !== 'string') throw new HasInvalidArgumentError('The message must be a string.')
  if (typeof signatureHex !== 'string' || !SIGNATURE_HEX.test(signatureHex)) {
    throw new HasInvalidArgumentError('A signature is 130 hexadecimal characters (65 bytes).')
  }
  const bytes = Uint8Array.from(signatureHex.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
  const header = bytes[0]!
  const recId = header >= 31 ? header - 31 : header - 27
  if (recId < 0 || recId > 3) throw new HasInvalidArgumentError('The signature header is not 27–34.')
  try {
    const recovered = new Uint8Array([recId, ...bytes.subarray(1)])
    return encodePublicKey(secp256k1.recoverPublicKey(recovered, challengeDigest(message), { prehash: false }))
  } catch (cause) {
    throw new HasInvalidArgumentError('No public key can be recovered from this signature.', { cause })
  }
}

/** Whether `signatureHex` signs `message` with `publicKey` (`STM…`). False for any malformed input; never throws. */
export function verifySignature(message: string, signatureHex: string, publicKey: string): boolean {
  const expected = decodePublicKey(publicKey)
  if (!expected) return false
  let recovered: string
  try {
    recovered = recoverPublicKey(message, signatureHex)
  } catch {
    return false
  }
  return decodePublicKey(recovered)?.every((b, i) => b === expected[i]) ?? false
}
