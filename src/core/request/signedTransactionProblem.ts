import { canonicalJson } from '../protocol/canonicalJson.js'
import { isRecord } from '../protocol/parseFrame.js'

/** Hive refuses a transaction that expires more than an hour ahead; a little slack for clocks. */
const MAX_EXPIRATION_AHEAD_MS = 3600_000 + 5 * 60_000
const MAX_EXPIRATION_BEHIND_MS = 5 * 60_000
const HIVE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/
const SIGNATURE = /^[0-9a-f]{130}$/i

/**
 * Why a sign-only answer is not the transaction that was asked for (undefined when it is): it must hold exactly the
 * operations sent, in order, with a reference block and an expiration Hive would accept, and signatures of the right
 * form. `sign_ack` is not encrypted, so a relay could otherwise answer a vote with a transfer of its own.
 */
export function signedTransactionProblem(data: unknown, ops: readonly unknown[], now: number): string | undefined {
  if (!isRecord(data)) return 'not a transaction'
  const { ref_block_num, ref_block_prefix, expiration, operations, extensions, signatures } = data
  if (!Array.isArray(operations) || canonicalJson(operations) !== canonicalJson(ops)) return 'the operations are not the ones sent'
  if (!Number.isInteger(ref_block_num) || (ref_block_num as number) < 0 || (ref_block_num as number) > 0xffff) return 'bad ref_block_num'
  if (!Number.isInteger(ref_block_prefix) || (ref_block_prefix as number) < 0 || (ref_block_prefix as number) > 0xffffffff) {
    return 'bad ref_block_prefix'
  }
  if (typeof expiration !== 'string' || !HIVE_TIME.test(expiration)) return 'bad expiration'
  const expires = Date.parse(`${expiration}Z`)
  if (!(expires > now - MAX_EXPIRATION_BEHIND_MS && expires < now + MAX_EXPIRATION_AHEAD_MS)) return 'an expiration Hive would refuse'
  if (extensions !== undefined && !Array.isArray(extensions)) return 'bad extensions'
  if (!Array.isArray(signatures) || signatures.length === 0 || !signatures.every((s) => typeof s === 'string' && SIGNATURE.test(s))) {
    return 'no well-formed signature'
  }
  return undefined
}
