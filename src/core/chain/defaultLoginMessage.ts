import { createLoginMessage, generateNonce } from './loginMessage.js'

/** How long the kit's own login messages stay valid (ms). */
export const LOGIN_MESSAGE_TTL_MS = 10 * 60_000

/** The page a login is for: its host (a message's domain) and its origin followed by `/` (its URI). */
export function pageOrigin(): { domain: string; uri: string } {
  const location = (globalThis as { location?: { host?: string; origin?: string } }).location
  const domain = location?.host || 'localhost'
  return { domain, uri: location?.origin?.startsWith('http') ? `${location.origin}/` : `https://${domain}/` }
}

/** The Sign in with Hive message a login signs unless the app writes its own: for this page, issued now, short-lived. */
export function defaultLoginMessage(appName: string, account: string, nonce: string = generateNonce()): string {
  const { domain, uri } = pageOrigin()
  const now = Date.now()
  return createLoginMessage({
    domain,
    account,
    uri,
    nonce,
    statement: `Log in to ${appName.replace(/\s+/g, ' ').trim()}.`,
    issuedAt: new Date(now).toISOString(),
    expirationTime: new Date(now + LOGIN_MESSAGE_TTL_MS).toISOString(),
  })
}
