import type { LiveRequest } from '../client/liveRequest.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import { HasExpiredError } from '../errors/HasExpiredError.js'
import { ignore } from '../request/ackOutcome.js'
import type { ConnectorRequestSpec, RequestSpec } from '../request/RequestSpec.js'
import { closePrepared } from './preparedWindow.js'

/** How long a wallet's request waits for the user unless its connector says otherwise (ms). */
export const WALLET_WAIT_MS = 120_000

/**
 * How the runner follows a connector's request (loaded with the runner, not on the first load): no relay, no frame,
 * nothing stored (its answer goes to the page that asked, so a reload cannot take it over). Starting it loads the
 * wallets' code; a failure to load it ends the request as a connection error (retryable), never leaves it waiting.
 */
export function connectorSpec<R>({ call }: ConnectorRequestSpec): RequestSpec<R> {
  const { kind, account, connector, params } = call
  return {
    kind,
    account,
    key: '',
    record: { kind, account, key: '' },
    connector: connector.id,
    deepLink: () => '',
    readAck: () => ignore, // no relay frame ever reaches it
    maxWaitMs: connector.timeoutMs ?? WALLET_WAIT_MS,
    signal: params.signal,
    onWait: params.onWait,
    start: (live: LiveRequest, runner) =>
      void import('./startConnector.js').then(
        (m) => m.startConnector(live, runner, call),
        (cause: unknown) =>
          runner.batch(() => {
            closePrepared(call.prepared) // the window its click opened
            const error = new HasConnectionError(`The code for ${connector.name} could not be loaded.`, { cause, reason: 'code' })
            runner.dispatch(live, { type: 'ERR', error })
          }),
      ),
    sessionOf: kind === 'auth' ? (value) => value as never : undefined,
    expired: () => new HasExpiredError(`${connector.name} did not answer in time.`, { hint: 'no_answer' }),
  }
}
