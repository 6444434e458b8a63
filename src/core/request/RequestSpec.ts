import type { HasErrorType } from '../errors/HasErrorType.js'
import type { HasExpiredError } from '../errors/HasExpiredError.js'
import type { AesModule } from '../crypto/lazyAes.js'
import type { RequestKind, RequestMessage } from '../protocol/messages.js'
import type { HasSession, RequestOptions } from '../types.js'
import type { AckOutcome } from './ackOutcome.js'
import type { RequestRecordDraft } from './RequestRecord.js'
import type { ConnectorRunner, LiveRequest } from '../client/liveRequest.js'
import type { ConnectorCall } from '../connectors/connectorCalls.js'

/** Everything the runner needs to know about one request: what to send, and how to read its kind's answer. */
export interface RequestSpec<R> extends RequestOptions {
  kind: RequestKind
  account: string
  /** The auth_key that answers are encrypted with. */
  key: string
  /** Builds the frame to send (its payload encrypted); absent for a request restored after a reload, which is only re-attached. */
  message?: (aes: AesModule) => RequestMessage
  /** What to store once the relay assigned a uuid, so the answer can be collected after a reload. */
  record: RequestRecordDraft
  /** The relay to try first (a session's own relay, where its wallet listens). */
  preferredHost?: string
  /** Builds the deep link once the relay has assigned a uuid. */
  deepLink(uuid: string, host: string): string
  /**
   * Reads the data of an approval (`*_ack`) of this kind: decrypted for a login or a challenge (only the key holder can
   * write those), as sent for a sign. May check a signature, which loads lazily.
   */
  readAck(data: unknown, host: string): AckOutcome<R> | Promise<AckOutcome<R>>
  /** The session an approval creates (logins): committed together with the outcome. */
  sessionOf?(value: R): HasSession
  /** The error if nothing arrives in time, saying what the silence may mean (`ignored`: why an answer was ignored). */
  expired?(ignored: string | undefined): HasExpiredError
  /** Gives up sooner than the relay's deadline (ms after the request was sent). */
  maxWaitMs?: number
  /** A login renewing a session by its token (shown as such to the user: no scan needed). */
  renew?: true
  /** What an unanswered renewal becomes: a normal login (fresh key, QR code), under the same request id. */
  fallback?(): RequestSpec<R>
  /**
   * Checks an approval before it counts (a login's key on chain, or by the app's server): the request is `verifying`
   * meanwhile, until `verifyTimeoutMs`. Returns the value to resolve with (a session marked verified) or the problem.
   * `signal` aborts when the request no longer waits for the check.
   */
  verify?(value: R, signal: AbortSignal): Promise<{ value: R } | { error: HasErrorType }>
  /** How long the check may take (ms; default: what is left of the request's time, at least 5 s). */
  verifyTimeoutMs?: number
  /** The connector (a wallet other than HiveAuth) that runs this request: no relay, no frame, no stored record. */
  connector?: string
  /** Starts the request in that wallet (instead of sending `message` to a relay); the runner hands it what it needs. */
  start?(request: LiveRequest, runner: ConnectorRunner): void
}

/**
 * A request through a connector (a wallet other than HiveAuth) as the user's click makes it, on the first load: the
 * runner, loaded on first use, turns it into a RequestSpec (connectorSpec) and runs `call`.
 */
export interface ConnectorRequestSpec {
  /** What the wallet is asked, with the window the click opened. */
  call: ConnectorCall
}
