import { decryptPayload, encryptPayload } from '../crypto/aes'
import { HasFailedError } from '../errors/HasFailedError'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError'
import { KEY_TYPES, type KeyType } from '../protocol/constants'
import { buildRequestLink } from '../protocol/links'
import type { ChallengeReqData, RequestMessage } from '../protocol/messages'
import { isRecord } from '../protocol/parseFrame'
import { fail, ignore, ok } from '../client/ackOutcome'
import type { RequestRecord } from '../client/requestRecord'
import type { RequestSpec } from '../client/requestRunner'
import type { HasSession, RequestOptions } from '../client/types'

/** Parameters of a challenge: sign a message, or (with `decrypt`) decrypt a Hive memo. */
export interface ChallengeParameters extends RequestOptions {
  account: string
  keyType: KeyType
  message: string
  decrypt?: boolean
}

/** A signed challenge: the key that signed, and the 65-byte compact signature in hex. */
export interface ChallengeResult {
  pubkey: string
  signature: string
}

/** A decrypted memo: the key that decrypted it, and the plain text. */
export interface DecryptResult {
  pubkey: string
  text: string
}

/** Builds a `challenge_req` for a session and reads the encrypted `challenge_ack`. */
export function createChallengeRequest(
  session: HasSession,
  params: ChallengeParameters,
  nonce: number,
): RequestSpec<ChallengeResult | DecryptResult> {
  if (!KEY_TYPES.includes(params.keyType)) throw new HasInvalidArgumentError(`Unknown key type "${String(params.keyType)}".`)
  if (typeof params.message !== 'string' || params.message.length === 0) {
    throw new HasInvalidArgumentError('The challenge message must be a non-empty string.')
  }
  const data: ChallengeReqData = { key_type: params.keyType, challenge: params.message, nonce }
  if (params.decrypt) data.decrypt = true
  const message: RequestMessage = { cmd: 'challenge_req', account: session.account, data: encryptPayload(data, session.key) }
  if (session.token) message.token = session.token

  return {
    ...restoreChallengeRequest({ kind: 'challenge', account: session.account, key: session.key, flag: Boolean(params.decrypt) }),
    message,
    preferredHost: session.host,
    onWait: params.onWait,
    signal: params.signal,
  }
}

/** Rebuilds a stored challenge request so its answer can still be read after a reload. */
export function restoreChallengeRequest(
  record: Pick<RequestRecord, 'kind' | 'account' | 'key' | 'flag'>,
): RequestSpec<ChallengeResult | DecryptResult> {
  const { account, key, flag: decrypt } = record
  return {
    kind: 'challenge',
    account,
    key,
    record,
    deepLink: (uuid, host) => buildRequestLink('challenge', { account, uuid, host }),
    readAck(frame) {
      if (frame.cmd !== 'challenge_ack') return ignore
      let payload: unknown
      try {
        payload = decryptPayload(frame.data, key)
      } catch {
        return ignore
      }
      if (!isRecord(payload) || typeof payload.pubkey !== 'string' || typeof payload.challenge !== 'string') {
        return fail(new HasFailedError('wallet', 'The wallet sent an answer this kit cannot read.'))
      }
      return ok(decrypt ? { pubkey: payload.pubkey, text: payload.challenge } : { pubkey: payload.pubkey, signature: payload.challenge })
    },
  }
}
