// Which site a Sign in with Hive message is for, compared as RFC 3986 compares origins: the scheme (https when the
// message names none) and the host case-insensitively, a default port (443 for https, 80 for http) as no port.

const DEFAULT_PORTS: Readonly<Record<string, string>> = { https: ':443', http: ':80' }

/** The site of a message's `scheme` and `domain`, normalised (`https://example.com`). */
export function siteOf(scheme: string | undefined, domain: string): string {
  const lowerScheme = (scheme ?? 'https').toLowerCase()
  const host = domain.toLowerCase()
  const defaultPort = DEFAULT_PORTS[lowerScheme]
  return `${lowerScheme}://${defaultPort && host.endsWith(defaultPort) ? host.slice(0, -defaultPort.length) : host}`
}

/** A site from your configuration: an authority (`example.com`, `example.com:8443`: https) or an origin (`http://localhost:3000`). */
export function configuredSite(entry: string): string {
  const at = entry.indexOf('://')
  // Stryker disable next-line EqualityOperator,Regex: an entry starting with "://", or a path in an origin, makes a site no message names either way
  return at < 0 ? siteOf(undefined, entry) : siteOf(entry.slice(0, at), entry.slice(at + 3).replace(/\/$/, ''))
}
