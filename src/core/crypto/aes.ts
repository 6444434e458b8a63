import AES from 'crypto-js/aes.js'
import NoPadding from 'crypto-js/pad-nopadding.js'
import { HasDecryptionError } from '../errors/HasDecryptionError.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { randomBytes } from './randomBytes.js'
import { bytesToWordArray, wordArrayToBytes } from './wordArray.js'
import '../firstLoadShared.js'

const SALTED = [0x53, 0x61, 0x6c, 0x74, 0x65, 0x64, 0x5f, 0x5f] // "Salted__"
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/
// ignoreBOM: a leading U+FEFF is part of the text (crypto-js and dhive keep it), not a marker to drop.
const utf8Decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Encrypts a value for the wire with crypto-js passphrase AES (OpenSSL "Salted__" base64). Strings are encrypted
 * as-is, anything else as JSON.
 */
export function encryptPayload(value: unknown, key: string): string {
  return encryptText(serialize(value), key)
}

/**
 * Decrypts a wire payload. By default the plaintext must be JSON (parsed and returned); pass `'text'` for payloads
 * that are bare strings, such as a nack's encrypted uuid. Throws HasDecryptionError for a wrong key, a malformed
 * input, or plaintext that is not what was asked for.
 */
export function decryptPayload<T = unknown>(text: string, key: string, format: 'json' | 'text' = 'json'): T {
  const plain = decryptText(text, key)
  if (format === 'text') return plain as T
  try {
    return JSON.parse(plain) as T
  } catch (cause) {
    throw new HasDecryptionError('The decrypted payload is not JSON.', { cause })
  }
}

/** Encrypts a UTF-8 string; `salt` (8 bytes) is random unless given, which only test vectors need. */
export function encryptText(plaintext: string, key: string, salt: Uint8Array = randomBytes(8)): string {
  assertKey(key)
  if (salt.length !== 8) throw new HasInvalidArgumentError('The salt must be 8 bytes.')
  try {
    const message = bytesToWordArray(new TextEncoder().encode(plaintext))
    return AES.encrypt(message, key, { salt: bytesToWordArray(salt) }).toString()
  } catch (cause) {
    throw new HasInvalidArgumentError('The key cannot be used for encryption.', { cause })
  }
}

/** Decrypts to a UTF-8 string, checking the OpenSSL header, the PKCS#7 padding and the UTF-8 encoding. */
export function decryptText(text: string, key: string): string {
  assertKey(key)
  if (typeof text !== 'string' || text.length % 4 !== 0 || !BASE64.test(text)) throw new HasDecryptionError('The payload is not base64.')
  const raw = decodeBase64(text)
  if (raw.length < 32 || (raw.length - 16) % 16 !== 0 || SALTED.some((b, i) => raw[i] !== b)) {
    throw new HasDecryptionError('The payload is not an OpenSSL-salted AES ciphertext.')
  }
  let padded: Uint8Array
  try {
    padded = wordArrayToBytes(AES.decrypt(text, key, { padding: NoPadding }))
  } catch (cause) {
    throw new HasDecryptionError(undefined, { cause })
  }
  const plain = stripPkcs7(padded)
  try {
    return utf8Decoder.decode(plain)
  } catch (cause) {
    throw new HasDecryptionError(undefined, { cause })
  }
}

function stripPkcs7(bytes: Uint8Array): Uint8Array {
  const n = bytes[bytes.length - 1] ?? 0
  if (n < 1 || n > 16 || n > bytes.length) throw new HasDecryptionError()
  for (let i = bytes.length - n; i < bytes.length; i++) if (bytes[i] !== n) throw new HasDecryptionError()
  return bytes.subarray(0, bytes.length - n)
}

function decodeBase64(text: string): Uint8Array {
  const binary = atob(text)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

function serialize(value: unknown): string {
  if (typeof value === 'string') return value
  let json: string | undefined
  try {
    json = JSON.stringify(value)
  } catch (cause) {
    throw new HasInvalidArgumentError('The payload cannot be serialised to JSON.', { cause })
  }
  if (json === undefined) throw new HasInvalidArgumentError('The payload cannot be serialised to JSON.')
  return json
}

function assertKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0) throw new HasInvalidArgumentError('The key must be a non-empty string.')
}

export { answerFingerprint } from './answerFingerprint.js'
