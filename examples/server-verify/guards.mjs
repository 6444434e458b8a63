// What a login endpoint people copy must refuse: cross-site requests (login CSRF), bodies that are not JSON, and one
// client asking for nonces without end. Plain functions over node:http requests.

/**
 * Why a state-changing request must be refused, or undefined. A form on another site can POST `text/plain` carrying
 * the attacker's own signed login, and the victim's browser would get the attacker's session: so a browser's request
 * must come from this origin (Sec-Fetch-Site, Origin), and the body must be JSON, which no cross-site form can send.
 * Clients that are not browsers (curl, a server) send neither header and are judged by the content type alone.
 */
export function loginRequestProblem(req, origin) {
  const site = req.headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin') return { status: 403, error: `cross-site request (Sec-Fetch-Site: ${site})` }
  const from = req.headers.origin
  if (from !== undefined && from !== new URL(origin).origin) return { status: 403, error: 'cross-site request (Origin)' }
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase()
  if (type !== 'application/json') return { status: 415, error: 'send JSON (Content-Type: application/json)' }
  return undefined
}

/**
 * At most `max` requests per client address in each `windowMs`; the table of addresses is bounded too, so a flood from
 * many addresses costs memory of at most `maxClients` entries. Returns whether the request may go on.
 */
export function createRateLimit({ max = 30, windowMs = 60_000, maxClients = 10_000 } = {}) {
  const clients = new Map()
  return (address) => {
    const now = Date.now()
    let entry = clients.get(address)
    if (!entry || now - entry.start >= windowMs) {
      clients.delete(address)
      if (clients.size >= maxClients) clients.delete(clients.keys().next().value)
      entry = { start: now, count: 0 }
      clients.set(address, entry)
    }
    entry.count++
    return entry.count <= max
  }
}

/**
 * The HTTP status and body of a failure: the store or the Hive nodes failing is 503 (try again), anything else 400.
 * `error` is a code the page's adapter hands to the kit (so the user reads the real cause), `reason` its sentence.
 */
export function failureOf(error) {
  const name = error instanceof Error ? error.name : ''
  if (name === 'HasStorageError') return { status: 503, error: 'store_unavailable', reason: 'the session store is unavailable; try again shortly' }
  if (name === 'HasConnectionError')
    return { status: 503, error: 'nodes_unreachable', reason: 'Hive API nodes could not be reached; try again shortly' }
  return { status: 400, error: 'bad_request', reason: 'bad request' }
}
