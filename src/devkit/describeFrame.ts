const ENCRYPTED = /^U2FsdGVkX1[A-Za-z0-9+/=]*$/

/** A one-line view of a frame for logs, with every encrypted field (and PoK) replaced by its length. */
export function describeFrame(text: string): string {
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch {
    return `<non-JSON frame, ${text.length} chars>`
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return `<JSON ${typeof frame}>`
  const shown = Object.fromEntries(
    Object.entries(frame).map(([field, value]) =>
      typeof value === 'string' && (ENCRYPTED.test(value) || field === 'pok' || field === 'auth_key')
        ? [field, `<encrypted ${value.length} chars>`]
        : [field, value],
    ),
  )
  const line = JSON.stringify(shown)
  return line.length > 400 ? `${line.slice(0, 400)}… (${line.length} chars)` : line
}
