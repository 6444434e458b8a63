import { describe, expect, it } from 'vitest'
import { isTerminal, transition, type RequestEvent, type RequestStatus } from '../../../src/core/machine/request'

const STATUSES: RequestStatus[] = [
  'idle',
  'connecting',
  'requesting',
  'waiting',
  'reconnecting',
  'verifying',
  'approved',
  'rejected',
  'failed',
  'expired',
  'cancelled',
]
const EVENTS: RequestEvent[] = ['CONNECT', 'SEND', 'WAIT', 'VERIFY', 'ACK', 'NACK', 'ERR', 'EXPIRE', 'CANCEL', 'DROP', 'ATTACHED', 'RESTORE']

// The full table, row per status, column per event in the order above; '.' means "stays".
const EXPECTED: Record<RequestStatus, string[]> = {
  idle: ['connecting', 'requesting', '.', '.', '.', '.', 'failed', 'expired', 'cancelled', '.', '.', 'reconnecting'],
  connecting: ['.', 'requesting', '.', '.', '.', '.', 'failed', 'expired', 'cancelled', 'failed', '.', '.'],
  requesting: ['.', '.', 'waiting', 'verifying', 'approved', 'rejected', 'failed', 'expired', 'cancelled', 'failed', '.', '.'],
  waiting: ['.', '.', '.', 'verifying', 'approved', 'rejected', 'failed', 'expired', 'cancelled', 'reconnecting', '.', '.'],
  reconnecting: ['.', '.', '.', 'verifying', 'approved', 'rejected', 'failed', 'expired', 'cancelled', '.', 'waiting', '.'],
  // the answer is in: only the check's outcome, a cancel or a failure end it (not the relay's deadline, not a drop)
  verifying: ['.', '.', '.', '.', 'approved', '.', 'failed', '.', 'cancelled', '.', '.', '.'],
  approved: Array(12).fill('.'),
  rejected: Array(12).fill('.'),
  failed: Array(12).fill('.'),
  expired: Array(12).fill('.'),
  cancelled: Array(12).fill('.'),
}

describe('request state machine', () => {
  for (const status of STATUSES) {
    it(`${status}: every event`, () => {
      const actual = EVENTS.map((e) => transition(status, e))
      expect(actual).toEqual(EXPECTED[status].map((x) => (x === '.' ? status : x)))
    })
  }

  it('terminal states are exactly the outcomes', () => {
    expect(STATUSES.filter(isTerminal)).toEqual(['approved', 'rejected', 'failed', 'expired', 'cancelled'])
  })
})
