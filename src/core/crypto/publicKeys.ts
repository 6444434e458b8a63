import { ripemd160 } from '@noble/hashes/legacy.js'
import { base58 } from '@scure/base'

/** Hive mainnet's public-key prefix. */
export const HIVE_KEY_PREFIX = 'STM'

/** Encodes a compressed secp256k1 point as a Hive public key (`STM` + base58 of the point and a RIPEMD-160 checksum). */
export function encodePublicKey(compressed: Uint8Array, prefix = 'STM'): string {
  const checksum = ripemd160(compressed).subarray(0, 4)
  return prefix + base58.encode(new Uint8Array([...compressed, ...checksum]))
}

/** The 33-byte point of a Hive public key with the chain's prefix (`STM…` by default), or undefined when malformed. */
export function decodePublicKey(publicKey: string, prefix = HIVE_KEY_PREFIX): Uint8Array | undefined {
  if (typeof publicKey !== 'string' || !publicKey.startsWith(prefix) || !/^[1-9A-HJ-NP-Za-km-z]{45,55}$/.test(publicKey.slice(prefix.length))) {
    return undefined
  }
  let bytes: Uint8Array
  try {
    bytes = base58.decode(publicKey.slice(prefix.length))
  } catch {
    return undefined
  }
  if (bytes.length !== 37) return undefined
  const point = bytes.subarray(0, 33)
  const checksum = ripemd160(point).subarray(0, 4)
  return checksum.every((b, i) => b === bytes[33 + i]) ? point : undefined
}
