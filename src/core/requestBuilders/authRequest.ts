import type { AesModule } from '../crypto/lazyAes.js'
import { randomUuid } from '../crypto/randomUuid.js'
import { defaultLoginMessage } from '../chain/defaultLoginMessage.js'
import type { ChainOptions } from '../chain/rpc.js'
import { deepLinkFor } from '../request/deepLinkFor.js'
import type { AuthReqData, RequestMessage } from '../protocol/messages.js'
import type { RequestRecord, RequestRecordDraft } from '../request/RequestRecord.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import { expiryFor } from '../request/expiryHints.js'
import type { AuthenticateParameters } from '../actions/authenticate.js'
import type { HasApp, HasSession } from '../types.js'
import { checkChallenge } from './checkChallenge.js'

/** How a login is built: the client's service-mode secret, its Hive API nodes, and the session to renew, if any. */
export interface AuthRequestContext {
  authKeySecret: string | undefined
  chain?: ChainOptions
  renewing?: HasSession
}

let authAck: Promise<typeof import('./authAck.js')> | undefined
/** The code that reads an `auth_ack`, loaded once (a failed load is tried again next time). */
function loadAuthAck() {
  authAck ??= import('./authAck.js').catch((error: unknown) => {
    authAck = undefined
    throw error
  })
  return authAck
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
  const wire = params.challenge && checkChallenge(params.challenge.keyType, params.challenge.message)
  const { authKeySecret, renewing } = context
  loadAuthAck().catch(() => {}) // a request that gets an answer reports the failure
  const key = renewing?.key ?? randomUuid()
  const data: AuthReqData = { app: { name: app.name, description: app.description, icon: app.icon } }
  if (params.challenge && wire) data.challenge = { key_type: params.challenge.keyType, challenge: wire }
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
    // Reading an approval loads with the request (it starts here, so it is in by the time an answer comes), not with the page.
    readAck: (payload, host) => loadAuthAck().then((m) => m.readAuthAck(payload, record, host)),
    verify:
      onChain || server
        ? (session, signal) => import('./loginChecks.js').then((checks) => checks.checkLogin(session, { onChain, server }, signal))
        : undefined,
    sessionOf: (session) => session,
    expired: expiryFor(record),
  }
}
