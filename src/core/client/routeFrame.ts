import { quoted } from '../protocol/untrustedText.js'
import { HasExpiredError } from '../errors/HasExpiredError.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { PLAUSIBLE_UUID } from '../protocol/constants.js'
import { type AppInboundMessage, kindOfCommand, type WaitMessage } from '../protocol/messages.js'
import { readAnswer, REPLAYED_ANSWER } from '../request/readAnswer.js'
import { localDeadline } from './localDeadline.js'
import type { LiveRequest, RunnerParts } from './liveRequest.js'

/** A login's check gets at least this long when the request's own time is nearly up (ms). */
export const MIN_VERIFY_MS = 5000

/** Turns one frame from relay `host` into an event of the request it concerns. */
export function routeFrame(runner: RunnerParts, host: string, message: AppInboundMessage) {
  switch (message.cmd) {
    case 'connected':
      return
    case 'auth_wait':
    case 'sign_wait':
    case 'challenge_wait':
      return handleWait(runner, host, message)
    case 'error': {
      const request = awaitingWait(runner, host)[0]
      if (!request) return // after the wait, a relay error concerns nobody in particular (PKSAs report their own)
      const error = new HasFailedError('relay', 'The HiveAuth server refused the request.', quoted('relay', message.error))
      return runner.dispatch(request, { type: 'ERR', error })
    }
  }
  // A sign or challenge cancelled here is still listened to: its wallet may approve it anyway (the machine says late).
  const request = runner.byUuid.get(message.uuid) ?? runner.late.get(message.uuid)
  // An answer counts only from the relay the request lives on: another relay cannot speak for it.
  if (!request || request.state.host !== host) return
  if (message.cmd === 'attach_ack') return runner.dispatch(request, { type: 'ATTACHED' })
  if (message.cmd === 'attach_nack') {
    const error = new HasExpiredError('The HiveAuth server no longer holds this request.', { hint: 'relay_lost' })
    return runner.dispatch(request, { type: 'EXPIRE', error })
  }
  const { spec } = request
  void readAnswer(spec, message.uuid, message, host).then((answer) =>
    runner.batch(() => {
      if (request.spec !== spec) return // a renewal that fell back to a login meanwhile: this answer was the renewal's
      if (answer.event === 'ERR') return runner.dispatch(request, { type: 'ERR', error: answer.error })
      // A copy of an answer already accepted (now, or by a request that read it at the same time) counts no more.
      if (answer.answer && runner.isSpent(answer.answer)) return runner.dispatch(request, { type: 'IGNORE', reason: REPLAYED_ANSWER })
      if (answer.event === 'IGNORE') return runner.dispatch(request, { type: 'IGNORE', reason: answer.reason })
      if (answer.event === 'NACK') return runner.dispatch(request, { type: 'NACK', error: answer.error, answer: answer.answer })
      if (!spec.verify) return runner.dispatch(request, { type: 'ACK', value: answer.value, answer: answer.answer })
      runner.dispatch(request, { type: 'VERIFY', value: answer.value, answer: answer.answer, deadline: verifyDeadline(request) })
    }),
  )
}

/** Until when a login's check may run: its own limit, else what is left of the request's time (at least MIN_VERIFY_MS). */
export function verifyDeadline(request: LiveRequest): number {
  const now = Date.now()
  const { verifyTimeoutMs } = request.spec
  if (verifyTimeoutMs !== undefined) return now + verifyTimeoutMs
  return now + Math.max((request.state.deadline ?? now) - now, MIN_VERIFY_MS)
}

/** The requests whose frame left on `host` and that have no `*_wait` yet, oldest first. */
function awaitingWait(runner: RunnerParts, host: string): LiveRequest[] {
  return [...runner.live.values()].filter(({ state }) => state.status === 'requesting' && state.host === host).sort((a, b) => a.sentSeq - b.sentSeq)
}

/** Pairs a `*_wait` with the oldest request of its kind sent on that socket (and account, when the relay names it). */
function handleWait(runner: RunnerParts, host: string, message: WaitMessage) {
  const kind = kindOfCommand(message.cmd)
  const candidates = awaitingWait(runner, host).filter(({ state }) => state.kind === kind)
  const request = candidates.find(({ state }) => !message.account || state.account === message.account) ?? candidates[0]
  const info = runner.pool.info(host)
  if (!request || !info || runner.byUuid.has(message.uuid)) return
  if (!PLAUSIBLE_UUID.test(message.uuid)) {
    const error = new HasProtocolError('The HiveAuth server assigned an invalid request id.', { ...quoted('relay', message.uuid), retryable: true })
    return runner.dispatch(request, { type: 'ERR', error })
  }
  const now = Date.now()
  const relayDeadline = localDeadline(message.expire, info.timeoutMs, now)
  const { maxWaitMs } = request.spec
  const deadline = maxWaitMs === undefined ? relayDeadline : Math.min(relayDeadline, now + maxWaitMs)
  runner.dispatch(request, { type: 'WAIT', uuid: message.uuid, host, deadline, deepLink: request.spec.deepLink(message.uuid, host) })
}
