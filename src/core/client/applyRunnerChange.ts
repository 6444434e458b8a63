import type { ConnectionState, HasClientState, HasSession, SettledRequest } from '../types.js'
import type { RunnerChange } from './liveRequest.js'

/** The next state after one runner change: requests, outcomes, connection and sessions together, in one snapshot. */
export function applyRunnerChange(state: HasClientState, change: RunnerChange, sessions: HasSession[] | undefined): HasClientState {
  let last = state.last
  if (change.settled.length > 0) {
    last = { ...last }
    for (const settled of change.settled) last[settled.kind] = settled as SettledRequest
  }
  return {
    ...state,
    connection: sameConnection(state.connection, change.connection) ? state.connection : change.connection,
    sessions: sessions && !sameSessions(state.sessions, sessions) ? sessions : state.sessions,
    requests: change.requests,
    last,
  }
}

function sameConnection(a: ConnectionState, b: ConnectionState): boolean {
  return a.status === b.status && a.host === b.host && a.protocol === b.protocol && a.timeout === b.timeout
}

/** Whether two session lists hold the same sessions in the same order (storage hands back fresh objects). */
export function sameSessions(a: readonly HasSession[], b: readonly HasSession[]): boolean {
  return (
    a.length === b.length &&
    a.every((s, i) => {
      const t = b[i]!
      return (
        s.account === t.account &&
        s.key === t.key &&
        s.expire === t.expire &&
        s.host === t.host &&
        s.token === t.token &&
        s.verified === t.verified &&
        s.connector === t.connector &&
        s.challenge?.signature === t.challenge?.signature
      )
    })
  )
}
