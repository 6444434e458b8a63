import type { RequestRecord } from '../request/RequestRecord.js'
import type { ConnectionState, RequestSnapshot } from '../types.js'
import type { ConnectionPool } from './connectionPool.js'
import type { LiveRequest } from './liveRequest.js'

/** The live requests as the state shows them, oldest first. */
export function snapshotRequests(live: Iterable<LiveRequest>): RequestSnapshot[] {
  return [...live].map(({ state }) => ({ id: state.id, kind: state.kind, account: state.account, status: state.status, pending: state.pending }))
}

/** What must be stored of the requests the wallet can see, to collect their answers after a reload of this tab. */
export function recordsOf(live: Iterable<LiveRequest>, tab: string | undefined): RequestRecord[] {
  const list: RequestRecord[] = []
  for (const { state, spec } of live) {
    if (!state.uuid || !state.pending || spec.start) continue // a connector's request cannot be taken over after a reload
    const record: RequestRecord = { ...spec.record, uuid: state.uuid, expire: state.pending.expire, host: state.pending.host }
    if (tab) record.tab = tab
    list.push(record)
  }
  return list
}

/**
 * The connection as a UI shows it: `reconnecting` while any request waits to be re-attached, else the state of the
 * socket the latest fresh request used.
 */
export function describeConnection(pool: ConnectionPool, live: Iterable<LiveRequest>, closed: boolean, timeout: number): ConnectionState {
  const primary = pool.primary()
  const info = pool.info(primary)
  if (closed) return { status: 'closed', timeout }
  const reconnecting = [...live].find(({ state }) => state.status === 'reconnecting')
  if (reconnecting) return { status: 'reconnecting', host: reconnecting.state.host, timeout }
  if (info) return { status: 'connected', host: info.host, protocol: info.protocol, timeout }
  if (pool.connecting()) return { status: 'connecting', timeout }
  return { status: primary ? 'disconnected' : 'idle', host: primary, timeout }
}
