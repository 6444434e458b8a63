import { describe, expect, it } from 'vitest'
import { isTerminal, transition, type RequestEvent, type RequestStatus } from '../../../src/core/machine/request'

const STATUSES: RequestStatus[] = [
  'idle',
  'connecting',
  'requesting',
  'waiting',
  'reconnecting',
  'approved',
  'rejected',
  'failed',
  'expired',
  'cancelled',
]
const EVENTS: RequestEvent[] = ['CONNECT', 'SEND', 'WAIT', 'ACK', 'NACK', 'ERR', 'EXPIRE', 'CANCEL', 'DROP', 'ATTACHED', 'RESTORE']

// The full table, row per status, column per event in the order above; '.' means "stays".
const EXPECTED: Record<RequestStatus, string[]> = {
  idle: ['connecting', 'requesting', '.', '.', '.', 'failed', 'expired', 'cancelled', '.', '.', 'reconnecting'],
  connecting: ['.', 'requesting', '.', '.', '.', 'failed', 'expired', 'cancelled', 'failed', '.', '.'],
  requesting: ['.', '.', 'waiting', 'approved', 'rejected', 'failed', 'expired', 'cancelled', 'failed', '.', '.'],
  waiting: ['.', '.', '.', 'approved', 'rejected', 'failed', 'expired', 'cancelled', 'reconnecting', '.', '.'],
  reconnecting: ['.', '.', '.', 'approved', 'rejected', 'failed', 'expired', 'cancelled', '.', 'waiting', '.'],
  approved: Array(11).fill('.'),
  rejected: Array(11).fill('.'),
  failed: Array(11).fill('.'),
  expired: Array(11).fill('.'),
  cancelled: Array(11).fill('.'),
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
