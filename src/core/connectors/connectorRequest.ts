import { HasExpiredError } from '../errors/HasExpiredError.js'
import type { AckOutcome } from '../request/ackOutcome.js'
import type { ConnectorRequestBuilder } from './HiveConnector.js'

const IGNORE: AckOutcome<never> = { type: 'ignore' }

/** How long a wallet's request waits for the user unless its connector says otherwise (ms). */
export const WALLET_WAIT_MS = 120_000

/**
 * A request the client runs through a connector: no relay, no frame, nothing stored (its answer goes to the page that
 * asked, so a reload cannot take it over). The runner calls `start`; the wallet's code and the rest load on first use.
 */
export const buildConnectorRequest: ConnectorRequestBuilder = (connector, kind, params, session, client) => {
  const account = session?.account ?? params.account
  const proof = params as { verify?: unknown; verifyLogin?: unknown }
  // A login asked to be verified through a wallet that signs no Sign in with Hive message fails (in connectorCalls):
  // its window must not open for it.
  const unprovable = kind === 'auth' && connector.features.login !== 'hive:secp256k1-sha256' && Boolean(proof.verify || proof.verifyLogin)
  // Inside the user's click: a wallet's window can open only now (the wallet's code loads after).
  const prepared = kind === 'auth' && !unprovable ? connector.prepare?.() : undefined
  const call = { kind, connector, account, params, session, chain: client.chain, prepared, unprovable }
  return {
    kind,
    account,
    key: '',
    record: { kind, account, key: '' },
    connector: connector.id,
    deepLink: () => '',
    readAck: () => IGNORE, // no relay frame ever reaches it
    maxWaitMs: connector.timeoutMs ?? WALLET_WAIT_MS,
    signal: params.signal,
    onWait: params.onWait,
    start: (request, runner) => void import('./startConnector.js').then((m) => m.startConnector(request, runner, call, client.app)),
    sessionOf: kind === 'auth' ? (value) => value as never : undefined,
    expired: () => new HasExpiredError(`${connector.name} did not answer in time.`, { hint: 'no_answer' }),
  }
}
