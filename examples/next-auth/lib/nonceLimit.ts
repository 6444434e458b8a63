// At most 30 nonces a minute per client, so one client cannot fill the store with pending nonces. The address is the
// one your proxy forwards (set it to overwrite X-Forwarded-For, never to append what the client sent).
const WINDOW_MS = 60_000
const MAX_PER_WINDOW = 30
const MAX_CLIENTS = 10_000
const clients = new Map<string, { start: number; count: number }>()

/** Whether the client behind `request` may have another nonce now. */
export function mayIssueNonce(request: Request): boolean {
  const address = request.headers.get('x-forwarded-for')?.split(',')[0]?.trim() || 'direct'
  const now = Date.now()
  let entry = clients.get(address)
  if (!entry || now - entry.start >= WINDOW_MS) {
    clients.delete(address)
    if (clients.size >= MAX_CLIENTS) clients.delete(clients.keys().next().value!)
    entry = { start: now, count: 0 }
    clients.set(address, entry)
  }
  entry.count++
  return entry.count <= MAX_PER_WINDOW
}
