import CryptoJS from 'crypto-js/core.js'

type WordArray = CryptoJS.lib.WordArray

/** Copies bytes into a crypto-js WordArray (big-endian 32-bit words). */
export function bytesToWordArray(bytes: Uint8Array): WordArray {
  const words: number[] = []
  for (let i = 0; i < bytes.length; i++) {
    words[i >>> 2] = (words[i >>> 2] ?? 0) | (bytes[i]! << (24 - (i % 4) * 8))
  }
  return CryptoJS.lib.WordArray.create(words, bytes.length)
}

/** Copies the significant bytes of a crypto-js WordArray out. */
export function wordArrayToBytes(wordArray: WordArray): Uint8Array {
  const length = Math.max(0, wordArray.sigBytes)
  const bytes = new Uint8Array(length)
  for (let i = 0; i < length; i++) {
    bytes[i] = ((wordArray.words[i >>> 2] ?? 0) >>> (24 - (i % 4) * 8)) & 0xff
  }
  return bytes
}
