import { afterEach, expect, it, vi } from 'vitest'
import type { RequestEvent, RequestState } from '../../../src/core/machine/request'
import { createHarness, type Harness } from '../../support/devkitHarness'
import { FAKE_CLOCK, until } from '../../support/until'

// The promise follows the status the machine reaches, never the event's payload. To show it, this file swaps one
// entry of the machine: EXPIRE on a waiting request leads to `approved` (with the expiry's error as its payload).
vi.mock('../../../src/core/machine/request', async (importOriginal) => {
  const machine = await importOriginal<typeof import('../../../src/core/machine/request')>()
  return {
    ...machine,
    reduceRequest: (request: RequestState, event: RequestEvent): RequestState =>
      event.type === 'EXPIRE' && request.status === 'waiting'
        ? { id: request.id, kind: request.kind, account: request.account, status: 'approved', error: event.error }
        : machine.reduceRequest(request, event),
  }
})

let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.close()
})

it('a request the machine calls approved resolves, whatever the event carried; the state says the same', async () => {
  h = await createHarness({ wallet: { decision: 'ignore' } })
  vi.useFakeTimers(FAKE_CLOCK)
  let outcome: string | undefined
  h.login().then(
    () => (outcome = 'resolved'),
    () => (outcome = 'rejected'),
  )
  await until(
    () => h!.client.getState().requests[0]?.status === 'waiting',
    5000,
    () => vi.advanceTimersByTimeAsync(5),
  )
  await vi.advanceTimersByTimeAsync(61_000)
  await until(
    () => outcome !== undefined,
    5000,
    () => vi.advanceTimersByTimeAsync(5),
  )
  expect(h.client.getState().last.auth?.status).toBe('approved')
  expect(h.client.getState().last.auth?.error).toBeUndefined()
  expect(outcome).toBe('resolved')
})
