/** Cryptographically random bytes from Web Crypto (browsers, Node 20+, workers). */
export function randomBytes(length: number): Uint8Array {
  const bytes = new Uint8Array(length)
  globalThis.crypto.getRandomValues(bytes)
  return bytes
}
