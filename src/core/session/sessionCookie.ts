import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { checkAccountName } from '../protocol/accountName.js'

/** The cookie HasProvider writes with `sessionCookie` (default name). It holds no key: a name and an expiry only. */
export const SESSION_COOKIE = 'hive-auth-react'

/** What the session cookie says: who is (probably) logged in, until when. Not a proof of anything. */
export interface SessionCookie {
  account: string
  expire: number
}

/** The cookie's value for a session (URL-encoded JSON). */
export function formatSessionCookie(session: SessionCookie): string {
  return encodeURIComponent(JSON.stringify({ account: session.account, expire: session.expire }))
}

/**
 * Reads the session cookie from a `Cookie` header (or `document.cookie`), so a server can render the logged-in button
 * on the first paint. Undefined when absent, malformed or expired. It is a hint for rendering, never an authentication.
 * HasInvalidArgumentError when the header is neither a string nor null/undefined.
 */
export function readSessionCookie(cookieHeader: string | null | undefined, name = SESSION_COOKIE, now = Date.now()): SessionCookie | undefined {
  if (cookieHeader === null || cookieHeader === undefined) return undefined
  if (typeof cookieHeader !== 'string' || typeof name !== 'string') {
    throw new HasInvalidArgumentError('readSessionCookie takes the Cookie header as a string.', { details: typeof cookieHeader })
  }
  if (!cookieHeader) return undefined
  const raw = cookieHeader
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1)
  if (!raw) return undefined
  try {
    const value: unknown = JSON.parse(decodeURIComponent(raw))
    if (typeof value !== 'object' || value === null) return undefined
    const { account, expire } = value as Record<string, unknown>
    if (typeof account !== 'string' || checkAccountName(account) || typeof expire !== 'number' || expire <= now) return undefined
    return { account, expire }
  } catch {
    return undefined
  }
}
