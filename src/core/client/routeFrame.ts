import { quoted } from '../protocol/untrustedText.js'
import { HasExpiredError } from '../errors/HasExpiredError.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { HasVerificationError } from '../errors/HasVerificationError.js'
import { PLAUSIBLE_UUID } from '../protocol/constants.js'
import { type AppInboundMessage, kindOfCommand, type WaitMessage } from '../protocol/messages.js'
import { readAnswer } from '../request/readAnswer.js'
import { localDeadline } from './localDeadline.js'
import type { RunnerContext } from './liveRequest.js'

/** Hands one frame from relay `host` to the request it concerns, as an event of the request machine. */
export function routeFrame(context: RunnerContext, host: string, message: AppInboundMessage) {
  switch (message.cmd) {
    case 'connected':
      return
    case 'auth_wait':
    case 'sign_wait':
    case 'challenge_wait':
      return handleWait(context, host, message)
    case 'error': {
      const request = context.awaitingWait.get(host)?.[0]
      if (!request) return // after the wait, a relay error concerns nobody in particular (PKSAs report their own)
      const error = new HasFailedError('relay', 'The HiveAuth server refused the request.', quoted('relay', message.error))
      return context.dispatch(request, 'ERR', { error })
    }
  }
  const request = context.byUuid.get(message.uuid)
  if (!request || request.host !== host) return
  if (message.cmd === 'attach_ack') return context.dispatch(request, 'ATTACHED')
  if (message.cmd === 'attach_nack')
    return context.dispatch(request, 'EXPIRE', { error: new HasExpiredError('The HiveAuth server no longer holds this request.') })
  const uuid = message.uuid
  void readAnswer(request.spec, uuid, message, host).then((answer) =>
    context.batch(() => {
      if (answer.event === 'IGNORE') {
        if (answer.reason) request.ignored = answer.reason
        return
      }
      if (answer.event !== 'ACK') return context.dispatch(request, answer.event, { error: answer.error })
      const verify = request.spec.verify
      if (!verify) return context.dispatch(request, 'ACK', { value: answer.value })
      context.dispatch(request, 'VERIFY')
      void verify(answer.value).then(
        (problem) => context.batch(() => context.dispatch(request, problem ? 'ERR' : 'ACK', problem ? { error: problem } : { value: answer.value })),
        (cause: unknown) =>
          context.batch(() => context.dispatch(request, 'ERR', { error: new HasVerificationError('The login could not be verified.', { cause }) })),
      )
    }),
  )
}

/** Pairs a `*_wait` with the oldest request of its kind sent on that socket (and account, when the relay names it). */
function handleWait(context: RunnerContext, host: string, message: WaitMessage) {
  const queue = context.awaitingWait.get(host) ?? []
  const kind = kindOfCommand(message.cmd)
  const candidates = queue.filter((r) => r.spec.kind === kind)
  const request = candidates.find((r) => !message.account || r.spec.account === message.account) ?? candidates[0]
  const info = context.info(host)
  if (!request || !info || context.byUuid.has(message.uuid)) return
  context.awaitingWait.set(
    host,
    queue.filter((r) => r !== request),
  )
  if (!PLAUSIBLE_UUID.test(message.uuid)) {
    const error = new HasProtocolError('The HiveAuth server assigned an invalid request id.', {
      ...quoted('relay', message.uuid),
      retryable: true,
    })
    return context.dispatch(request, 'ERR', { error })
  }
  const relayDeadline = localDeadline(message.expire, info.timeoutMs, Date.now())
  const deadline = request.spec.maxWaitMs === undefined ? relayDeadline : Math.min(relayDeadline, Date.now() + request.spec.maxWaitMs)
  request.uuid = message.uuid
  context.byUuid.set(message.uuid, request)
  request.pending = {
    kind: request.spec.kind,
    uuid: message.uuid,
    account: request.spec.account,
    expire: deadline,
    deepLink: request.spec.deepLink(message.uuid, host),
    host,
  }
  if (request.spec.renew) request.pending.renew = true
  context.expireAt(request, deadline)
  context.dispatch(request, 'WAIT')
  const pending = request.pending
  context.afterCommit(() => {
    try {
      request.spec.onWait?.(pending)
    } catch {
      // The app's callback failing must not break the request.
    }
  })
}
