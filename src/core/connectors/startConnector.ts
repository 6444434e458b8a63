import type { ConnectorRunner, LiveRequest } from '../client/liveRequest.js'
import { HasError } from '../errors/HasError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { quoted } from '../protocol/untrustedText.js'
import type { RequestEvent } from '../machine/request.js'
import { type ConnectorCall, runConnectorCall } from './connectorCalls.js'
import { closePrepared } from './preparedWindow.js'
import { WALLET_WAIT_MS } from './connectorSpec.js'
import '../firstLoadShared.js'

// The kit's wallets' code travels with the runner: a bundler splits every lazily imported module into files by who
// imports what, so one lazy module for all of them keeps the first load in fewer, larger files.
export { createKeychainImpl } from './keychainImpl.js'
export { createPeakVaultImpl } from './peakVaultImpl.js'
export { createHiveSignerImpl } from './hiveSignerImpl.js'

/**
 * Runs a request in a wallet other than HiveAuth: the same machine as a relay request, fed by the connector instead of
 * frames. Sent at once (its deadline is the connector's), waiting while the wallet shows it, then its value (checked
 * first, for a verified login) or its error as the event it means.
 */
export function startConnector(request: LiveRequest, runner: ConnectorRunner, call: ConnectorCall): void {
  runner.batch(() => {
    if (request.state.status !== 'connecting') {
      closePrepared(call.prepared) // cancelled while this code loaded: its window too
      return
    }
    const { spec, state } = request
    const controller = new AbortController()
    request.connector = controller
    const host = `wallet:${call.connector.id}`
    runner.dispatch(request, { type: 'SEND', host, deadline: Date.now() + (spec.maxWaitMs ?? WALLET_WAIT_MS) })
    const waiting = () =>
      runner.batch(() => {
        const { deadline } = request.state
        if (request.state.status === 'requesting' && deadline !== undefined) {
          runner.dispatch(request, { type: 'WAIT', uuid: `${host}#${state.id}`, host, deadline, deepLink: '' })
        }
      })
    runConnectorCall(call, { app: call.client.app, signal: controller.signal, waiting }).then(
      ({ value, check }) =>
        runner.batch(() => {
          if (!check) return runner.dispatch(request, { type: 'ACK', value })
          request.spec = { ...spec, verify: check } // the machine's `verifying` step runs it
          runner.dispatch(request, { type: 'VERIFY', value, deadline: runner.verifyDeadline(request) })
        }),
      (error: unknown) => runner.batch(() => runner.dispatch(request, eventFor(walletError(call.connector.name, error)))),
    )
  })
}

/**
 * A connector's failure as a kit error: its own HasError as it is; anything else (a wallet's own exception, say a
 * custom connector's) is that wallet failing, its words quoted: never a HiveAuth connection problem.
 */
function walletError(name: string, error: unknown): HasErrorType {
  if (error instanceof HasError) return error as HasErrorType
  return new HasFailedError('wallet', `${name} failed.`, { ...quoted('wallet', error instanceof Error ? error.message : undefined), cause: error })
}

/** The event a connector's error means: a refusal, an expiry, a cancel, or a failure. */
function eventFor(error: HasErrorType): RequestEvent {
  if (error.code === 'rejected') return { type: 'NACK', error }
  if (error.code === 'expired') return { type: 'EXPIRE', error }
  if (error.code === 'cancelled') return { type: 'CANCEL', error }
  return { type: 'ERR', error }
}
