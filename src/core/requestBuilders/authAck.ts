import { HasFailedError } from '../errors/HasFailedError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { MAX_SESSION_MS } from '../protocol/constants.js'
import { isRecord, readNumber } from '../protocol/parseFrame.js'
import { type AckOutcome, fail, ignoreBecause, ok } from '../request/ackOutcome.js'
import type { RequestRecordDraft } from '../request/RequestRecord.js'
import { signatureMatches, UNBOUND_ANSWER } from '../request/signatureMatches.js'
import type { HasSession } from '../types.js'
import '../firstLoadShared.js'

// Reading a login's approval, loaded with the request rather than with the page (authRequest.ts starts the load).

/** Reads an `auth_ack`'s decrypted data: a session (its challenge's signature checked), a failure, or "not ours, keep waiting". */
export async function readAuthAck(payload: unknown, record: RequestRecordDraft, host: string): Promise<AckOutcome<HasSession>> {
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
