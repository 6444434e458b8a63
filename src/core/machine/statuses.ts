/** Where a HiveAuth request stands. Booleans such as "is waiting" are derived from this, never stored. */
export type RequestStatus =
  | 'idle'
  | 'connecting'
  | 'requesting'
  | 'waiting'
  | 'reconnecting'
  | 'verifying'
  | 'approved'
  | 'rejected'
  | 'failed'
  | 'expired'
  | 'cancelled'

/** The statuses a request ends in. */
export type TerminalStatus = 'approved' | 'rejected' | 'failed' | 'expired' | 'cancelled'

/** The states a request ends in. */
export const TERMINAL_STATUSES: readonly TerminalStatus[] = ['approved', 'rejected', 'failed', 'expired', 'cancelled']

/** The states of a request in flight (started, not ended): what a UI shows as busy. `idle` is before the start. */
export const LIVE_STATUSES: readonly RequestStatus[] = ['connecting', 'requesting', 'waiting', 'reconnecting', 'verifying']

/** Whether a request in this status is finished. */
export function isTerminal(status: RequestStatus): status is TerminalStatus {
  return (TERMINAL_STATUSES as readonly RequestStatus[]).includes(status)
}

/** Whether a request in this status is in flight: started and not ended (a UI shows it as busy). */
export function isLiveStatus(status: RequestStatus): boolean {
  return LIVE_STATUSES.includes(status)
}
