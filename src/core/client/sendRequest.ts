import { loadAes, loadedAes } from '../crypto/lazyAes.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import { asHasError } from './errorForOutcome.js'
import type { ConnectedInfo } from './hostLink.js'
import type { LiveRequest, RunnerParts } from './liveRequest.js'

/**
 * Sends the request's frame on the socket a fresh request uses: at once when it is open (the frame leaves before
 * anything else runs), else once it is. A socket that closed just before is replaced, twice at most.
 */
export function sendRequest(runner: RunnerParts, request: LiveRequest): void {
  const { spec } = request
  const aes = loadedAes()
  if (!aes) {
    // The first request of a page that never preconnected: the AES code loads first (once), then the frame leaves.
    loadAes().then(
      () => runner.batch(() => request.state.status === 'connecting' && sendRequest(runner, request)),
      (cause: unknown) =>
        runner.batch(() =>
          runner.dispatch(request, {
            type: 'DROP',
            error: new HasConnectionError('The encryption code could not be loaded.', { cause, reason: 'code' }),
          }),
        ),
    )
    return
  }
  const { pool } = runner
  const send = (info: ConnectedInfo): void => {
    if (runner.live.get(request.state.id) !== request || request.spec !== spec || request.state.status !== 'connecting' || !spec.message) return
    try {
      pool.send(info.host, spec.message(aes))
    } catch (error) {
      // Nothing left: the relay closed the socket before our frame. A fresh socket may take it.
      if (request.resends++ >= 2) runner.dispatch(request, { type: 'DROP', error: asHasError(error) })
      else {
        pool.drop(info.host)
        sendRequest(runner, request)
      }
      return
    }
    request.sentSeq = runner.nextSentSeq()
    const wait = spec.maxWaitMs === undefined ? info.timeoutMs : Math.min(info.timeoutMs, spec.maxWaitMs)
    runner.dispatch(request, { type: 'SEND', host: info.host, deadline: Date.now() + wait })
  }
  const open = pool.openNow(spec.preferredHost)
  if (open) {
    send(open)
    return
  }
  pool.connect(spec.preferredHost).then(
    (info) => runner.batch(() => send(info)),
    (error: unknown) => runner.batch(() => runner.dispatch(request, { type: 'DROP', error: asHasError(error) })),
  )
}
