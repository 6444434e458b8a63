import { isRecord } from '../protocol/parseFrame.js'

/** What a HiveSigner access token says: who (`account`) let which app act, of what type, when, and the signature. */
export interface HiveSignerToken {
  account: string
  app: string
  /** `login` (identity only) or `posting`… (the app may broadcast through HiveSigner's API). */
  type: string
  /** When it was signed (seconds since the epoch, as HiveSigner writes it). */
  timestamp: number
  signature: string
  /** The exact text the signature covers: `JSON.stringify({ signed_message, authors, timestamp })`. */
  signedText: string
}

/** The largest token read (characters): a real one is a few hundred. */
const MAX_TOKEN_CHARS = 4096
const SWAP: Record<string, string> = { '-': '+', _: '/', '.': '=', '+': '-', '/': '_', '=': '.' }

/**
 * Reads a HiveSigner access token: its own base64 variant (`-` `_` `.` for `+` `/` `=`) of
 * `{ signed_message: { type, app }, authors: [account], timestamp, signatures: [signature] }`, as hivesigner.com's
 * API reads it. Undefined for anything else. Nothing here checks the signature: recover its key, then ask the chain.
 */
export function readHiveSignerToken(token: unknown): HiveSignerToken | undefined {
  if (typeof token !== 'string' || token.length > MAX_TOKEN_CHARS) return undefined
  let parsed: unknown
  try {
    // atob and a strict decoder, not protocol/base64: a lazy module importing a first-load one splits it into a file.
    const bytes = Uint8Array.from(atob(token.replace(/[-_.]/g, (c) => SWAP[c]!)), (c) => c.charCodeAt(0))
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
  if (!isRecord(parsed) || !isRecord(parsed.signed_message) || !Array.isArray(parsed.authors) || !Array.isArray(parsed.signatures)) return undefined
  const { signed_message, authors, timestamp, signatures } = parsed
  const [account] = authors
  const [signature] = signatures
  if (typeof account !== 'string' || typeof signature !== 'string' || typeof timestamp !== 'number' || !Number.isSafeInteger(timestamp))
    return undefined
  if (typeof signed_message.type !== 'string' || typeof signed_message.app !== 'string') return undefined
  const signedText = JSON.stringify({ signed_message, authors, timestamp })
  return { account, app: signed_message.app, type: signed_message.type, timestamp, signature, signedText }
}

/** Writes a token as HiveSigner does (for the devkit's fake HiveSigner). */
export function writeHiveSignerToken(
  fields: { account: string; app: string; type: string; timestamp: number },
  sign: (text: string) => string,
): string {
  const body = { signed_message: { type: fields.type, app: fields.app }, authors: [fields.account], timestamp: fields.timestamp }
  const signature = sign(JSON.stringify(body))
  const bytes = new TextEncoder().encode(JSON.stringify({ ...body, signatures: [signature] }))
  return btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join('')).replace(/[+/=]/g, (c) => SWAP[c]!)
}
