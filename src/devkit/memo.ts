import { secp256k1 } from '@noble/curves/secp256k1.js'
import { sha256, sha512 } from '@noble/hashes/sha2.js'
import { base58 } from '@scure/base'
import AES from 'crypto-js/aes.js'
import CryptoJS from 'crypto-js/core.js'
import { decodePublicKey, encodePublicKey } from '../core/crypto/signatures.js'
import { bytesToWordArray, wordArrayToBytes } from '../core/crypto/wordArray.js'
import { HasDecryptionError } from '../core/errors/HasDecryptionError.js'

// Hive memo encryption (as dhive and hive-js do it): what PKSAs use for proof of key, and dApps for private messages.
// Serialized memo: from key (33) ‖ to key (33) ‖ nonce (uint64 LE) ‖ check (uint32 LE) ‖ varint length ‖ ciphertext.

/** A decoded memo: its text (with the leading `#`, as the Hive libraries return it) and both keys. */
export interface DecodedMemo {
  message: string
  from: string
  to: string
}

let lastNonce = 0n

/** Encrypts `message` (which must start with `#`) from a private key to a public key (`STM…`). */
export function encodeMemo(privateKey: Uint8Array, toPublicKey: string, message: string, nonce: bigint = uniqueNonce()): string {
  if (!message.startsWith('#')) throw new HasDecryptionError('A memo to encrypt starts with "#".')
  const to = decodePublicKey(toPublicKey)
  if (!to) throw new HasDecryptionError('Not a Hive public key.', { details: toPublicKey })
  const plain = new TextEncoder().encode(message.slice(1))
  const { key, iv, check } = deriveKeys(privateKey, to, nonce)
  const encrypted = wordArrayToBytes(
    AES.encrypt(bytesToWordArray(concat(varint(plain.length), plain)), bytesToWordArray(key), { iv: bytesToWordArray(iv) }).ciphertext,
  )
  const from = secp256k1.getPublicKey(privateKey, true)
  const body = concat(from, to, uint64(nonce), uint32(check), varint(encrypted.length), encrypted)
  return `#${base58.encode(body)}`
}

/** Decrypts a memo with the private key of its sender or its recipient; HasDecryptionError when it is not for that key. */
export function decodeMemo(privateKey: Uint8Array, memo: string): DecodedMemo {
  if (typeof memo !== 'string' || !memo.startsWith('#')) throw new HasDecryptionError('A memo starts with "#".')
  let bytes: Uint8Array
  try {
    bytes = base58.decode(memo.slice(1))
  } catch (cause) {
    throw new HasDecryptionError('The memo is not base58.', { cause })
  }
  if (bytes.length < 33 + 33 + 8 + 4 + 1 + 16) throw new HasDecryptionError('The memo is too short.')
  const from = bytes.subarray(0, 33)
  const to = bytes.subarray(33, 66)
  const view = new DataView(bytes.buffer, bytes.byteOffset)
  const nonce = view.getBigUint64(66, true)
  const check = view.getUint32(74, true)
  const [length, start] = readVarint(bytes, 78)
  const encrypted = bytes.subarray(start, start + length)
  if (encrypted.length !== length || length % 16 !== 0) throw new HasDecryptionError('The memo is truncated.')
  const own = secp256k1.getPublicKey(privateKey, true)
  const other = equal(own, from) ? to : from
  let keys: ReturnType<typeof deriveKeys>
  try {
    keys = deriveKeys(privateKey, other, nonce)
  } catch (cause) {
    throw new HasDecryptionError('The memo names a key that is not a curve point.', { cause })
  }
  if (keys.check !== check) throw new HasDecryptionError('This memo is not for this key.')
  const cipherParams = CryptoJS.lib.CipherParams.create({ ciphertext: bytesToWordArray(encrypted) })
  const plain = wordArrayToBytes(AES.decrypt(cipherParams, bytesToWordArray(keys.key), { iv: bytesToWordArray(keys.iv) }))
  const [textLength, textStart] = readVarint(plain, 0)
  const text = textStart + textLength === plain.length ? plain.subarray(textStart) : plain // some senders add no length
  // ignoreBOM: a leading U+FEFF is part of the message, as dhive and hive-js decode it.
  return { message: `#${new TextDecoder('utf-8', { ignoreBOM: true }).decode(text)}`, from: encodePublicKey(from), to: encodePublicKey(to) }
}

function deriveKeys(privateKey: Uint8Array, otherPublic: Uint8Array, nonce: bigint) {
  const shared = sha512(secp256k1.getSharedSecret(privateKey, otherPublic, true).subarray(1))
  const encryptionKey = sha512(concat(uint64(nonce), shared))
  const check = new DataView(sha256(encryptionKey).buffer).getUint32(0, true)
  return { key: encryptionKey.subarray(0, 32), iv: encryptionKey.subarray(32, 48), check }
}

/** Time-based and strictly increasing, like the Hive libraries' nonces. */
function uniqueNonce(): bigint {
  const random = BigInt(crypto.getRandomValues(new Uint16Array(1))[0]!)
  const next = (BigInt(Date.now()) << 16n) | random
  lastNonce = next > lastNonce ? next : lastNonce + 1n
  return lastNonce
}

function uint64(value: bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, BigInt.asUintN(64, value), true)
  return out
}

function uint32(value: number): Uint8Array {
  const out = new Uint8Array(4)
  new DataView(out.buffer).setUint32(0, value, true)
  return out
}

function varint(value: number): Uint8Array {
  const out: number[] = []
  let rest = value >>> 0
  while (rest >= 0x80) {
    out.push((rest & 0x7f) | 0x80)
    rest >>>= 7
  }
  out.push(rest)
  return Uint8Array.from(out)
}

function readVarint(bytes: Uint8Array, offset: number): [value: number, next: number] {
  let value = 0
  for (let shift = 0, i = offset; i < bytes.length && shift < 35; shift += 7, i++) {
    value |= (bytes[i]! & 0x7f) << shift
    if (!(bytes[i]! & 0x80)) return [value >>> 0, i + 1]
  }
  throw new HasDecryptionError('The memo is malformed.')
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i])
