import type { AesModule } from '../crypto/lazyAes.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { deepLinkFor } from '../request/deepLinkFor.js'
import type { ChallengeReqData, RequestMessage } from '../protocol/messages.js'
import { isRecord } from '../protocol/parseFrame.js'
import { type AckOutcome, fail, ignore, ignoreBecause, ok } from '../request/ackOutcome.js'
import type { RequestRecord, RequestRecordDraft } from '../request/RequestRecord.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import { expiryFor } from '../request/expiryHints.js'
import { signatureMatches, UNBOUND_ANSWER } from '../request/signatureMatches.js'
import type { ChallengeParameters, ChallengeResult, DecryptResult } from '../actions/challenge.js'
import type { HasSession } from '../types.js'
import { checkChallenge } from './checkChallenge.js'
import '../firstLoadShared.js'

const SIGNATURE = /^[0-9a-f]{130}$/i

/** Builds a `challenge_req` for a session and reads the encrypted `challenge_ack`. */
export function createChallengeRequest(
  session: HasSession,
  params: ChallengeParameters,
  nonce: number,
  serviceMode = false,
): RequestSpec<ChallengeResult | DecryptResult> {
  const wire = checkChallenge(params.keyType, params.message)
  // A memo to decrypt travels as it is (base58 after `#`); a message to sign in the form every wallet can sign.
  const data: ChallengeReqData = { key_type: params.keyType, challenge: params.decrypt ? params.message : wire, nonce }
  if (params.decrypt) data.decrypt = true
  const message = ({ encryptPayload }: AesModule): RequestMessage => ({
    cmd: 'challenge_req',
    account: session.account,
    data: encryptPayload(data, session.key),
    ...(session.token ? { token: session.token } : {}),
  })
  const challenge: NonNullable<RequestRecord['challenge']> = { keyType: params.keyType, message: params.message }
  if (params.decrypt) challenge.decrypt = true
  return {
    ...restoreChallengeRequest({
      kind: 'challenge',
      account: session.account,
      key: session.key,
      challenge,
      ...(serviceMode ? { service: true as const } : {}),
    }),
    message,
    preferredHost: session.host,
    onWait: params.onWait,
    signal: params.signal,
  }
}

/** Rebuilds a challenge request from its record (also after a reload) so its answer can be read and checked. */
export function restoreChallengeRequest(record: RequestRecordDraft | RequestRecord): RequestSpec<ChallengeResult | DecryptResult> {
  const { account } = record
  return {
    kind: 'challenge',
    account,
    key: record.key,
    record,
    deepLink: deepLinkFor(record),
    readAck: (payload) => readChallengeAck(payload, record),
    expired: expiryFor(record),
  }
}

async function readChallengeAck(payload: unknown, record: RequestRecordDraft): Promise<AckOutcome<ChallengeResult | DecryptResult>> {
  if (!record.challenge) return ignore
  if (!isRecord(payload) || typeof payload.pubkey !== 'string' || typeof payload.challenge !== 'string') {
    return fail(new HasProtocolError('The wallet sent an answer this kit cannot read.', { retryable: true }))
  }
  const { pubkey, challenge: answer } = payload
  if (record.challenge.decrypt) {
    // Hive Keychain ignores `decrypt` and signs: a signature is not the memo's text.
    if (SIGNATURE.test(answer)) {
      return fail(
        new HasFailedError('wallet', 'This wallet signs instead of decrypting: it cannot decrypt memos.', {
          reason: 'unsupported',
          retryable: false,
        }),
      )
    }
    return ok({ pubkey, text: answer.startsWith('#') ? answer.slice(1) : answer })
  }
  if (!(await signatureMatches(record.challenge.message, pubkey, answer))) return ignoreBecause(UNBOUND_ANSWER)
  return ok({ pubkey, signature: answer })
}
