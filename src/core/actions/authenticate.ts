import { decryptPayload, encryptPayload } from '../crypto/aes'
import { randomUuid } from '../crypto/randomUuid'
import { HasDecryptionError } from '../errors/HasDecryptionError'
import { HasFailedError } from '../errors/HasFailedError'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError'
import { KEY_TYPES, type KeyType } from '../protocol/constants'
import { buildAuthLink } from '../protocol/links'
import type { AppInboundMessage, AuthReqData, RequestMessage } from '../protocol/messages'
import { isRecord, readNumber } from '../protocol/parseFrame'
import { fail, ignore, ok, type AckOutcome } from '../client/ackOutcome'
import type { RequestRecord } from '../client/requestRecord'
import type { RequestSpec } from '../client/requestRunner'
import type { HasSession, RequestOptions } from '../client/types'

/** The dApp as the wallet shows it. */
export interface HasApp {
  name: string
  description?: string
  icon?: string
}

/** Parameters of a login. */
export interface AuthenticateParameters extends RequestOptions {
  account: string
  /** Ask the wallet to sign `message` with the account's key of `keyType` while logging in (proof of key). */
  challenge?: { keyType: KeyType; message: string }
}

/** Builds an `auth_req` with a fresh auth_key and reads the wallet's `auth_ack` into a session. */
export function createAuthRequest(
  app: HasApp,
  account: string,
  params: AuthenticateParameters,
  authKeySecret: string | undefined,
): RequestSpec<HasSession> {
  if (params.challenge) {
    const { keyType, message } = params.challenge
    if (!KEY_TYPES.includes(keyType)) throw new HasInvalidArgumentError(`Unknown key type "${String(keyType)}".`)
    if (typeof message !== 'string' || message.length === 0) throw new HasInvalidArgumentError('The challenge message must be a non-empty string.')
  }
  const key = randomUuid()
  const data: AuthReqData = { app: { name: app.name, description: app.description, icon: app.icon } }
  if (params.challenge) data.challenge = { key_type: params.challenge.keyType, challenge: params.challenge.message }
  const message: RequestMessage = { cmd: 'auth_req', account, data: encryptPayload(data, key) }
  if (authKeySecret) message.auth_key = encryptPayload(key, authKeySecret)

  return {
    kind: 'auth',
    account,
    key,
    message,
    record: { kind: 'auth', account, key, flag: Boolean(params.challenge) },
    onWait: params.onWait,
    signal: params.signal,
    deepLink: (uuid, host) => buildAuthLink({ account, uuid, key, host }),
    readAck: (frame, host) => readAuthAck(frame, account, key, host, Boolean(params.challenge)),
  }
}

/** Rebuilds a stored login request so its answer can still be read after a reload. */
export function restoreAuthRequest(record: RequestRecord): RequestSpec<HasSession> {
  const { account, key, flag } = record
  return {
    kind: 'auth',
    account,
    key,
    record,
    deepLink: (uuid, host) => buildAuthLink({ account, uuid, key, host }),
    readAck: (frame, host) => readAuthAck(frame, account, key, host, flag),
  }
}

function readAuthAck(frame: AppInboundMessage, account: string, key: string, host: string, wantsChallenge: boolean): AckOutcome<HasSession> {
  if (frame.cmd !== 'auth_ack') return ignore
  let payload: unknown
  try {
    payload = decryptPayload(frame.data, key)
  } catch {
    return ignore // not encrypted with our key: forged by the relay, never a login
  }
  const unreadable = () =>
    fail(new HasFailedError('wallet', 'The wallet sent an approval this kit cannot read.', { cause: new HasDecryptionError() }))
  if (!isRecord(payload)) return unreadable()
  const expire = readNumber(payload.expire)
  if (expire === undefined) return unreadable()
  const rawChallenge = payload.challenge ?? payload.challenge_data
  const session: HasSession = { account, key, expire, host }
  if (typeof payload.token === 'string' && payload.token) session.token = payload.token
  if (rawChallenge !== undefined) {
    if (!isRecord(rawChallenge) || typeof rawChallenge.pubkey !== 'string' || typeof rawChallenge.challenge !== 'string') return unreadable()
    session.challenge = { pubkey: rawChallenge.pubkey, signature: rawChallenge.challenge }
  }
  if (wantsChallenge && !session.challenge) {
    return fail(new HasFailedError('wallet', 'The wallet approved the login without signing the challenge.'))
  }
  if (expire <= Date.now()) return fail(new HasFailedError('wallet', 'The wallet granted a session that has already expired.'))
  return ok(session)
}
