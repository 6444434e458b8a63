import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'

/**
 * Trims a relay URL and drops one trailing slash, the form wallets connect to. The same string is used to open the
 * socket and in the deep link, so the wallet always meets the request on the node that holds it.
 */
export function normalizeHost(host: string): string {
  const trimmed = typeof host === 'string' ? host.trim() : ''
  if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(trimmed)) {
    throw new HasInvalidArgumentError('A HAS host must be a URL such as wss://hive-auth.arcange.eu.', { details: String(host) })
  }
  return trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed
}
