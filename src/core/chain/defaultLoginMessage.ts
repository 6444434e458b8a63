import { HIVE_MAINNET } from './defaultNodes.js'
import { formatLoginMessage, generateNonce } from './loginMessageFormat.js'

/** How long the kit's own login messages stay valid (ms). */
export const LOGIN_MESSAGE_TTL_MS = 10 * 60_000

/**
 * The page a login is for: its host (a message's domain), its origin followed by `/` (its URI), and its scheme when it
 * is not https (a message without one means https, so a page on http says so).
 */
export function pageOrigin(): { domain: string; uri: string; scheme?: string } {
  const location = (globalThis as { location?: { host?: string; origin?: string; protocol?: string } }).location
  const domain = location?.host || 'localhost'
  const web = location?.origin?.startsWith('http') === true
  const scheme = web && location!.protocol === 'http:' ? 'http' : undefined
  return { domain, uri: web ? `${location!.origin}/` : `https://${domain}/`, ...(scheme ? { scheme } : {}) }
}

/**
 * The Sign in with Hive message a login signs unless the app writes its own: for this page, issued now, short-lived.
 * Its statement names the app on one line of visible text (what the format allows of a statement).
 */
export function defaultLoginMessage(appName: string, account: string, nonce: string = generateNonce()): string {
  const { domain, uri, scheme } = pageOrigin()
  const now = Date.now()
  const name =
    appName
      .replace(/[\p{Cc}\p{Cf}\p{Z}]+/gu, ' ')
      .trim()
      .slice(0, 200) || 'this app'
  return formatLoginMessage({
    scheme,
    domain,
    account,
    uri,
    version: '1',
    chainId: HIVE_MAINNET,
    nonce,
    statement: `Log in to ${name}.`,
    issuedAt: new Date(now).toISOString(),
    expirationTime: new Date(now + LOGIN_MESSAGE_TTL_MS).toISOString(),
  })
}
