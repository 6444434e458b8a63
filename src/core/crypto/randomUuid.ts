import { randomBytes } from './randomBytes.js'

/**
 * A random UUID v4. Built on getRandomValues rather than crypto.randomUUID, which browsers only offer in secure
 * contexts (a dApp served over plain http on a LAN address during development would lose it).
 */
export function randomUuid(): string {
  const b = randomBytes(16)
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
