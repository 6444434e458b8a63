const ENCRYPTED = /^U2FsdGVkX1[A-Za-z0-9+/=]*$/
/** A Hive memo (proof of key): `#` and a long base58 string. */
const MEMO = /^#[1-9A-HJ-NP-Za-km-z]{60,}$/
const SECRET_FIELDS = new Set(['pok', 'auth_key'])

/** A one-line view of a frame for logs: every encrypted field and proof of key, at any depth, replaced by its length. */
export function describeFrame(text: string): string {
  let frame: unknown
  try {
    frame = JSON.parse(text)
  } catch {
    return `<non-JSON frame, ${text.length} chars>`
  }
  if (typeof frame !== 'object' || frame === null || Array.isArray(frame)) return `<JSON ${typeof frame}>`
  const line = JSON.stringify(elide(frame))
  return line.length > 400 ? `${line.slice(0, 400)}… (${line.length} chars)` : line
}

function elide(value: unknown, field = ''): unknown {
  if (typeof value === 'string') {
    return ENCRYPTED.test(value) || MEMO.test(value) || SECRET_FIELDS.has(field) ? `<encrypted ${value.length} chars>` : value
  }
  if (Array.isArray(value)) return value.map((item) => elide(item))
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, elide(v, k)]))
  return value
}
