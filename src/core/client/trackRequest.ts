import { HasCancelledError } from '../errors/HasCancelledError.js'
import type { RequestKind } from '../protocol/messages.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import type { HasRequest } from '../types.js'
import type { LiveRequest, RunnerParts } from './liveRequest.js'

/**
 * Makes request `id` live: its machine state (idle), its promise, and its app's abort signal wired to a cancel; then
 * `start` gives it its first event. A closed runner or an aborted signal rejects it before it exists.
 */
export function trackRequest<R>(
  runner: RunnerParts & { closed(): boolean },
  id: number,
  spec: RequestSpec<R>,
  kind: RequestKind,
  start: (request: LiveRequest) => void,
): HasRequest<R> {
  const promise = new Promise<R>((resolve, reject) => {
    if (runner.closed()) return reject(new HasCancelledError('The client was closed.'))
    if (spec.signal?.aborted) return reject(new HasCancelledError())
    const onAbort = () => runner.batch(() => runner.dispatch(request, { type: 'CANCEL', error: cancelError(request) }))
    const done = () => spec.signal?.removeEventListener('abort', onAbort)
    const request: LiveRequest = {
      state: {
        id,
        kind,
        account: spec.account,
        status: 'idle',
        ...(spec.renew ? { renew: true as const } : {}),
        ...(spec.record.service ? { service: true as const } : {}),
        ...(kind === 'auth' && spec.record.challenge ? { signs: spec.record.challenge.keyType } : {}),
        ...(spec.connector ? { connector: spec.connector } : {}),
      },
      spec: spec as RequestSpec<unknown>,
      sentSeq: 0,
      resends: 0,
      resolve: (value) => {
        done()
        resolve(value as R)
      },
      reject: (error) => {
        done()
        reject(error)
      },
    }
    spec.signal?.addEventListener('abort', onAbort, { once: true })
    runner.live.set(id, request)
    runner.batch(() => start(request))
  })
  return Object.assign(promise, { id })
}

/** A cancel says whether the wallet had been sent the request (then approving it there would still sign it). */
export const cancelError = ({ state }: LiveRequest) => new HasCancelledError(undefined, { walletMaySign: state.host !== undefined })
