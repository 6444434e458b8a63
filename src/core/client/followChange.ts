import { HasVerificationError } from '../errors/HasVerificationError.js'
import { isTerminal, type RequestState, type TerminalStatus } from '../machine/request.js'
import type { PendingRequest, SettledRequest } from '../types.js'
import { errorForOutcome } from './errorForOutcome.js'
import type { LiveRequest, RunnerParts } from './liveRequest.js'
import { scheduleAt } from './schedule.js'

/**
 * What follows from one change of a request, read off the before/after pair: the uuid index, the deadline's timer,
 * the stored records, the sockets, the app's callbacks, and, once it ends, its outcome and the promise it settles.
 */
export function followChange(runner: RunnerParts, request: LiveRequest, before: RequestState, after: RequestState): void {
  const ended = isTerminal(after.status)
  if (before.uuid && (before.uuid !== after.uuid || ended) && runner.byUuid.get(before.uuid) === request) runner.byUuid.delete(before.uuid)
  if (after.uuid && !ended) runner.byUuid.set(after.uuid, request)
  if (before.deadline !== after.deadline || ended) scheduleDeadline(runner, request, after)
  if (before.status === 'verifying' && after.status !== 'verifying') request.verifying?.abort()
  if (ended) request.connector?.abort() // a wallet call still waiting stops listening (no wallet can take it back)
  const records = before.uuid !== after.uuid || before.pending !== after.pending
  if (ended) {
    runner.live.delete(after.id)
    if (before.status === 'cancelled' && before.uuid) runner.late.delete(before.uuid)
    // A sign or challenge the wallet can still approve: its answer would still sign, so the client keeps listening.
    else if (after.status === 'cancelled' && before.uuid && before.deadline && after.kind !== 'auth')
      runner.listenLate(request, before.uuid, before.deadline)
    finish(runner, request, after, records)
  } else runner.publish({ records })
  if (before.status === 'reconnecting' && after.status !== 'reconnecting') stopReattachIfIdle(runner, before.host)
  if (ended || after.status === before.status) return
  switch (after.status) {
    case 'connecting':
      if (before.renew && !after.renew && request.spec.fallback) request.spec = request.spec.fallback()
      if (request.spec.start) runner.startConnector(request)
      else runner.connectAndSend(request)
      return
    case 'waiting':
      if (before.status === 'requesting' && after.pending) tellWaiting(runner, request, after.pending)
      return
    case 'reconnecting':
      // A restored request re-attaches at once; one that dropped after a short back-off.
      if (after.host) runner.pool.reattach(after.host, before.status === 'idle' ? 0 : undefined)
      return
    case 'verifying':
      verify(runner, request, after)
  }
}

/** The timer of the current phase's deadline: EXPIRE when it passes (the machine says what that means now). */
function scheduleDeadline(runner: RunnerParts, request: LiveRequest, after: RequestState) {
  clearTimeout(request.timer)
  request.timer = undefined
  if (after.deadline === undefined || isTerminal(after.status)) return
  request.timer = scheduleAt(after.deadline, () =>
    runner.batch(() => {
      const { state, spec } = request
      const error =
        state.status === 'verifying'
          ? new HasVerificationError('The login could not be verified in time.', { reason: 'timeout' })
          : errorForOutcome('expired', spec, state.ignored)
      runner.dispatch(request, { type: 'EXPIRE', error })
    }),
  )
}

/** The outcome, committed with the session an approval creates and the answer it spent; then the promise, by status. */
function finish(runner: RunnerParts, request: LiveRequest, after: RequestState, records: boolean) {
  const status = after.status as TerminalStatus
  const settled: SettledRequest = { id: after.id, kind: after.kind, account: after.account, status }
  const approved = status === 'approved'
  if (approved) settled.result = after.value
  if (after.late) settled.late = true
  if (!approved) settled.error = after.error ?? errorForOutcome(status, request.spec, after.ignored)
  const session = approved ? request.spec.sessionOf?.(after.value) : undefined
  runner.publish({ settled, session, answer: after.answer, records: records || after.uuid !== undefined })
  runner.releaseUnused()
  if (approved) request.resolve(after.value)
  else request.reject(settled.error!)
}

function stopReattachIfIdle(runner: RunnerParts, host: string | undefined) {
  if (host && ![...runner.live.values()].some(({ state }) => state.host === host && state.status === 'reconnecting')) runner.pool.stopReattach(host)
}

/** Tells the app the wallet can see the request, once the state saying so is committed. */
function tellWaiting(runner: RunnerParts, request: LiveRequest, pending: PendingRequest) {
  const { onWait } = request.spec
  runner.afterCommit(() => {
    try {
      onWait?.(pending)
    } catch {
      // The app's callback failing must not break the request.
    }
  })
}

/** Runs the check of an approval (a login verified on chain or by the app's server); its verdict is ACK or ERR. */
function verify(runner: RunnerParts, request: LiveRequest, after: RequestState) {
  const check = request.spec.verify
  if (!check) return runner.dispatch(request, { type: 'ACK', value: after.value })
  const controller = new AbortController()
  request.verifying = controller
  check(after.value, controller.signal).then(
    (outcome) =>
      runner.batch(() =>
        runner.dispatch(request, 'value' in outcome ? { type: 'ACK', value: outcome.value } : { type: 'ERR', error: outcome.error }),
      ),
    (cause: unknown) =>
      runner.batch(() => runner.dispatch(request, { type: 'ERR', error: new HasVerificationError('The login could not be verified.', { cause }) })),
  )
}
