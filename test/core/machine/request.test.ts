import { describe, expect, it } from 'vitest'
import { HasCancelledError } from '../../../src/core/errors/HasCancelledError'
import { HasExpiredError } from '../../../src/core/errors/HasExpiredError'
import { HasFailedError } from '../../../src/core/errors/HasFailedError'
import {
  isLiveStatus,
  isTerminal,
  type RequestEventType,
  type RequestState,
  type RequestStatus,
  reduceRequest,
  RENEWAL_TABLE,
  transition,
} from '../../../src/core/machine/request'

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
const EVENTS: RequestEventType[] = [
  'CONNECT',
  'SEND',
  'WAIT',
  'VERIFY',
  'ACK',
  'NACK',
  'ERR',
  'EXPIRE',
  'CANCEL',
  'DROP',
  'ATTACHED',
  'RESTORE',
  'IGNORE',
]

// The full table, row per status, column per event in the order above; '.' means "stays".
const EXPECTED: Record<RequestStatus, string[]> = {
  idle: ['connecting', 'requesting', '.', '.', '.', '.', 'failed', 'expired', 'cancelled', '.', '.', 'reconnecting', '.'],
  connecting: ['.', 'requesting', '.', '.', '.', '.', 'failed', 'expired', 'cancelled', 'failed', '.', '.', '.'],
  requesting: ['.', '.', 'waiting', 'verifying', 'approved', 'rejected', 'failed', 'expired', 'cancelled', 'failed', '.', '.', '.'],
  waiting: ['.', '.', '.', 'verifying', 'approved', 'rejected', 'failed', 'expired', 'cancelled', 'reconnecting', '.', '.', '.'],
  reconnecting: ['.', '.', '.', 'verifying', 'approved', 'rejected', 'failed', 'expired', 'cancelled', '.', 'waiting', '.', '.'],
  // the answer is in: only the check's verdict, its own deadline, a cancel or a failure end it (not a drop)
  verifying: ['.', '.', '.', '.', 'approved', '.', 'failed', 'failed', 'cancelled', '.', '.', '.', '.'],
  approved: Array(13).fill('.'),
  rejected: Array(13).fill('.'),
  failed: Array(13).fill('.'),
  expired: Array(13).fill('.'),
  // a sign or challenge cancelled here, still listened to: the wallet's approval still signed (recorded as late)
  cancelled: ['.', '.', '.', '.', 'approved', '.', '.', '.', '.', '.', '.', '.', '.'],
}

describe('request state machine', () => {
  for (const status of STATUSES) {
    it(`${status}: every event`, () => {
      const actual = EVENTS.map((e) => transition(status, e))
      expect(actual).toEqual(EXPECTED[status].map((x) => (x === '.' ? status : x)))
    })
  }

  it('a renewal reads an expiry otherwise: unanswered, it starts over as a normal login (its one row of its own)', () => {
    expect(Object.keys(RENEWAL_TABLE)).toEqual(['EXPIRE'])
    expect(STATUSES.map((status) => transition(status, 'EXPIRE', true))).toEqual(
      STATUSES.map((status) => (['requesting', 'waiting', 'reconnecting'].includes(status) ? 'connecting' : transition(status, 'EXPIRE'))),
    )
  })

  it('terminal states are exactly the outcomes, live states all the others but idle (not started)', () => {
    expect(STATUSES.filter(isTerminal)).toEqual(['approved', 'rejected', 'failed', 'expired', 'cancelled'])
    expect(STATUSES.filter(isLiveStatus)).toEqual(['connecting', 'requesting', 'waiting', 'reconnecting', 'verifying'])
  })
})

describe('reduceRequest: each event carries its data', () => {
  const base: RequestState = { id: 1, kind: 'auth', account: 'alice', status: 'requesting', host: 'ws://a', deadline: 1000 }

  it('WAIT brings the uuid, host, deadline and what a UI shows', () => {
    const next = reduceRequest(base, { type: 'WAIT', uuid: 'u1', host: 'ws://a', deadline: 5000, deepLink: 'has://auth_req/x' })
    expect(next).toMatchObject({ status: 'waiting', uuid: 'u1', deadline: 5000 })
    expect(next.pending).toEqual({ kind: 'auth', uuid: 'u1', account: 'alice', expire: 5000, deepLink: 'has://auth_req/x', host: 'ws://a' })
  })

  it('an event that means nothing returns the very same object', () => {
    const approved = reduceRequest(base, { type: 'ACK', value: 1 })
    expect(reduceRequest(approved, { type: 'CANCEL', error: new HasCancelledError() })).toBe(approved)
    expect(reduceRequest(base, { type: 'ATTACHED' })).toBe(base)
    expect(reduceRequest(base, { type: 'IGNORE' })).toBe(base)
  })

  it('an ending keeps the value of an approval or the error of any other outcome, and drops the deadline', () => {
    expect(reduceRequest(base, { type: 'ACK', value: 'v', answer: 'f' })).toEqual({
      ...omitDeadline(base),
      status: 'approved',
      value: 'v',
      answer: 'f',
    })
    const error = new HasFailedError('wallet')
    expect(reduceRequest(base, { type: 'ERR', error })).toEqual({ ...omitDeadline(base), status: 'failed', error })
  })

  it('an approval after a cancel is approved, late: the value and the answer kept, the cancel error dropped', () => {
    const error = new HasCancelledError(undefined, { walletMaySign: true })
    const cancelled = reduceRequest(base, { type: 'CANCEL', error })
    expect(cancelled).toMatchObject({ status: 'cancelled', error })
    const late = reduceRequest(cancelled, { type: 'ACK', value: { txid: 'ab' }, answer: 'f' })
    expect(late).toEqual({ ...omitDeadline(base), status: 'approved', value: { txid: 'ab' }, answer: 'f', late: true })
    expect(reduceRequest(base, { type: 'ACK', value: 1 }).late).toBeUndefined()
  })

  it('a renewal that expires falls back to a normal login: same id, nothing of the renewal kept', () => {
    const renewal = reduceRequest({ ...base, renew: true }, { type: 'WAIT', uuid: 'u1', host: 'ws://a', deadline: 5000, deepLink: 'l' })
    expect(renewal.pending?.renew).toBe(true)
    const next = reduceRequest(renewal, { type: 'EXPIRE', error: new HasExpiredError() })
    expect(next).toEqual({ id: 1, kind: 'auth', account: 'alice', status: 'connecting' })
  })

  it('a login being verified fails when its check outlives its deadline', () => {
    const verifying = reduceRequest(base, { type: 'VERIFY', value: 'session', answer: 'f', deadline: 9000 })
    expect(verifying).toMatchObject({ status: 'verifying', deadline: 9000, value: 'session' })
    const error = new HasExpiredError()
    expect(reduceRequest(verifying, { type: 'EXPIRE', error })).toMatchObject({ status: 'failed', error, answer: 'f' })
  })
})

function omitDeadline({ deadline: _deadline, ...rest }: RequestState) {
  return rest
}
