/** Standard (not url-safe) base64 of a string's UTF-8 bytes, as wallets decode it with atob/Buffer. */
export function utf8ToBase64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

/** Decodes standard base64 (padding optional) to a UTF-8 string; undefined when it is not valid base64 of UTF-8. */
export function base64ToUtf8(text: string): string | undefined {
  const padded = text + '='.repeat((4 - (text.length % 4)) % 4)
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(padded) || padded.length % 4 !== 0) return undefined
  try {
    const binary = atob(padded)
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0))
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}
