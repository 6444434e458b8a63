import { type AesModule, loadAes } from '../crypto/lazyAes.js'
import { randomUuid } from '../crypto/randomUuid.js'
import { defaultLoginMessage } from '../chain/defaultLoginMessage.js'
import type { ChainOptions } from '../chain/rpc.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { MAX_SESSION_MS } from '../protocol/constants.js'
import { deepLinkFor } from '../request/deepLinkFor.js'
import type { AppInboundMessage, AuthReqData, RequestMessage } from '../protocol/messages.js'
import { isRecord, readNumber } from '../protocol/parseFrame.js'
import { type AckOutcome, fail, ignore, ignoreBecause, ok } from '../request/ackOutcome.js'
import type { RequestRecord, RequestRecordDraft } from '../request/RequestRecord.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import { expiryFor } from '../request/expiryHints.js'
import { signatureMatches, UNBOUND_ANSWER } from '../request/signatureMatches.js'
import type { AuthenticateParameters } from '../actions/authenticate.js'
import type { HasApp, HasSession } from '../types.js'
import { wireChallenge } from '../crypto/challengeSpelling.js'
import { checkChallenge } from './checkChallenge.js'

/** How a login is built: the client's service-mode secret, its Hive API nodes, and the session to renew, if any. */
export interface AuthRequestContext {
  authKeySecret: string | undefined
  chain?: ChainOptions
  renewing?: HasSession
}

/** Default time a renewal waits for the wallet before a normal login takes over. */
export const RENEW_WAIT_MS = 10_000

/** Builds an `auth_req` (with a fresh auth_key, or a session's for a renewal) and reads `auth_ack` into a session. */
export function createAuthRequest(
  app: HasApp,
  account: string,
  params: AuthenticateParameters,
  context: AuthRequestContext,
): RequestSpec<HasSession> {
  if (params.verify && !params.challenge) params = { ...params, challenge: { keyType: 'posting', message: defaultLoginMessage(app.name, account) } }
  if (params.challenge) checkChallenge(params.challenge.keyType, params.challenge.message)
  const { authKeySecret, renewing } = context
  const key = renewing?.key ?? randomUuid()
  const data: AuthReqData = { app: { name: app.name, description: app.description, icon: app.icon } }
  if (params.challenge) data.challenge = { key_type: params.challenge.keyType, challenge: wireChallenge(params.challenge.message) }
  if (renewing?.token) data.token = renewing.token
  const message = ({ encryptPayload }: AesModule): RequestMessage => ({
    cmd: 'auth_req',
    account,
    data: encryptPayload(data, key),
    ...(renewing?.token ? { token: renewing.token } : {}),
    ...(authKeySecret ? { auth_key: encryptPayload(key, authKeySecret) } : {}),
  })
  const record: RequestRecordDraft = { kind: 'auth', account, key }
  if (params.challenge) record.challenge = { keyType: params.challenge.keyType, message: params.challenge.message }
  if (authKeySecret) record.service = true
  if (params.verify) record.verify = true
  const spec: RequestSpec<HasSession> = {
    ...restoreAuthRequest(record, context.chain, params.verifyLogin),
    message,
    onWait: params.onWait,
    signal: params.signal,
  }
  if (params.verifyTimeoutMs !== undefined) spec.verifyTimeoutMs = params.verifyTimeoutMs
  if (renewing) {
    spec.renew = true
    spec.preferredHost = renewing.host
    spec.maxWaitMs = (typeof params.renew === 'object' ? params.renew.waitMs : undefined) ?? RENEW_WAIT_MS
    spec.fallback = () => createAuthRequest(app, account, { ...params, renew: false }, { ...context, renewing: undefined })
  }
  return spec
}

/**
 * Rebuilds a login request from its record (also after a reload) so its answer can be read and checked: on chain when
 * the record asks for it, and by the app's server when `server` is given (both load on first use).
 */
export function restoreAuthRequest(
  record: RequestRecordDraft | RequestRecord,
  chain?: ChainOptions,
  server?: AuthenticateParameters['verifyLogin'],
): RequestSpec<HasSession> {
  const { account, key } = record
  const onChain = record.verify && record.challenge ? { keyType: record.challenge.keyType, chain } : undefined
  return {
    kind: 'auth',
    account,
    key,
    record,
    deepLink: deepLinkFor(record),
    readAck: (frame, host) => readAuthAck(frame, record, host),
    verify:
      onChain || server
        ? (session, signal) => import('./loginChecks.js').then((checks) => checks.checkLogin(session, { onChain, server }, signal))
        : undefined,
    sessionOf: (session) => session,
    expired: expiryFor(record),
  }
}

async function readAuthAck(frame: AppInboundMessage, record: RequestRecordDraft, host: string): Promise<AckOutcome<HasSession>> {
  if (frame.cmd !== 'auth_ack') return ignore
  const { decryptPayload } = await loadAes()
  let payload: unknown
  try {
    payload = decryptPayload(frame.data, record.key)
  } catch {
    return ignore // not encrypted with our key: forged by the relay, never a login
  }
  const unreadable = () => fail(new HasProtocolError('The wallet sent an approval this kit cannot read.', { retryable: true }))
  if (!isRecord(payload)) return unreadable()
  const expire = readNumber(payload.expire)
  if (expire === undefined) return unreadable()
  // A wallet may grant a long session; the kit keeps at most MAX_SESSION_MS of it.
  const session: HasSession = { account: record.account, key: record.key, expire: Math.min(expire, Date.now() + MAX_SESSION_MS), host }
  if (typeof payload.token === 'string' && payload.token) session.token = payload.token
  if (record.challenge) {
    const answer = payload.challenge ?? payload.challenge_data
    if (answer === undefined) {
      const { keyType } = record.challenge
      const text = `The wallet approved the login without signing with the ${keyType} key: it may not hold that key of @${record.account}.`
      return fail(new HasFailedError('wallet', text, { reason: 'missing_key', keyType, retryable: false }))
    }
    if (!isRecord(answer) || typeof answer.pubkey !== 'string' || typeof answer.challenge !== 'string') return unreadable()
    if (!(await signatureMatches(record.challenge.message, answer.pubkey, answer.challenge))) return ignoreBecause(UNBOUND_ANSWER)
    session.challenge = { keyType: record.challenge.keyType, message: record.challenge.message, pubkey: answer.pubkey, signature: answer.challenge }
  }
  if (expire <= Date.now()) return fail(new HasFailedError('wallet', 'The wallet granted a session that has already expired.'))
  return ok(session)
}
