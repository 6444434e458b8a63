import { HasConnectionError } from '../errors/HasConnectionError.js'
import type { RunnerParts } from './liveRequest.js'

/**
 * A relay's socket closed: each request on it hears DROP (the machine says what that means: a request the wallet can
 * see re-attaches, one still being sent fails), and the relay is retried while requests wait to re-attach there.
 */
export function handleDrop(runner: RunnerParts, host: string): void {
  for (const request of [...runner.live.values()]) {
    if (request.state.host !== host) continue
    runner.dispatch(request, { type: 'DROP', error: new HasConnectionError('The connection was lost before the server took the request.') })
  }
  // Requests already re-attaching (whose new socket dropped again) keep trying.
  if ([...runner.live.values()].some((r) => r.state.host === host && r.state.status === 'reconnecting')) runner.pool.reattach(host)
  runner.publish()
}

/** A relay's socket is open again: each request waiting to re-attach there asks for its answer (`attach_req`). */
export function sendAttach(runner: RunnerParts, host: string): void {
  runner.batch(() => {
    for (const { state } of runner.live.values()) {
      if (state.host !== host || state.status !== 'reconnecting' || !state.uuid) continue
      try {
        runner.pool.send(host, { cmd: 'attach_req', uuid: state.uuid })
      } catch {
        return // dropped again: the drop handler has scheduled the next attempt
      }
    }
    runner.publish()
  })
}
