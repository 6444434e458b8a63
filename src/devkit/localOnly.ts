import type { IncomingMessage } from 'node:http'

/** The header a request to the devkit's approving endpoints (`/scan`) must carry: no page can send it cross-site without asking first. */
export const DEVKIT_HEADER = 'x-hive-auth-devkit'

const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i

/**
 * Why a request to an endpoint that makes the devkit wallet act must be refused (undefined when it may pass): it must
 * carry DEVKIT_HEADER (a form or a `no-cors` fetch from another site cannot, and the devkit answers no preflight), come
 * from no page or from a page on this machine (`Origin`), and be addressed to a loopback name (`Host`, against DNS
 * rebinding). Without this, any web page the developer opens could make the local wallet approve its own login.
 */
export function crossSiteProblem(request: IncomingMessage): string | undefined {
  const { origin, host } = request.headers
  if (!request.headers[DEVKIT_HEADER]) return `missing the ${DEVKIT_HEADER} header (curl -H '${DEVKIT_HEADER}: 1' …)`
  if (host !== undefined && !LOOPBACK_HOST.test(host)) return `host ${host} is not this machine`
  if (origin === undefined) return undefined // not from a page: curl, a script, the devkit's own tools
  if (origin === 'null') return 'requests from opaque origins (sandboxed frames, files) are refused'
  let hostname: string
  try {
    hostname = new URL(origin).host
  } catch {
    return 'malformed Origin'
  }
  return LOOPBACK_HOST.test(hostname) ? undefined : `cross-site request from ${origin} refused`
}
