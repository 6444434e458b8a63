import type { AesModule } from '../crypto/lazyAes.js'
import type { ChainOptions } from '../chain/rpc.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { TXID } from '../protocol/constants.js'
import { deepLinkFor } from '../request/deepLinkFor.js'
import type { RequestMessage, SignReqData } from '../protocol/messages.js'
import { isRecord } from '../protocol/parseFrame.js'
import { type AckOutcome, fail, ok } from '../request/ackOutcome.js'
import type { RequestRecord, RequestRecordDraft } from '../request/RequestRecord.js'
import { expiryFor } from '../request/expiryHints.js'
import { checkSignedTransaction } from '../request/checkSignedTransaction.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import type { SignParameters, SignResult } from '../actions/sign.js'
import type { HasSession } from '../types.js'
import '../firstLoadShared.js'

/** Builds a `sign_req` for a session and reads `sign_ack` (whose data is plain text by protocol). */
export function createSignRequest(
  session: HasSession,
  params: SignParameters,
  nonce: number,
  options: { allowSignOnly?: boolean; serviceMode?: boolean; chain?: ChainOptions } = {},
): RequestSpec<SignResult> {
  if (params.broadcast === false && !options.allowSignOnly) {
    throw new HasInvalidArgumentError('Sign-only requests are off (see allowSignOnly): most wallets broadcast them anyway or never answer.')
  }
  if (params.keyType !== 'posting' && params.keyType !== 'active') {
    throw new HasInvalidArgumentError('Transactions are signed with the posting or the active key.')
  }
  const ops: unknown = params.ops
  if (!Array.isArray(ops) || ops.length === 0 || !ops.every((op) => Array.isArray(op) && typeof op[0] === 'string' && isRecord(op[1]))) {
    throw new HasInvalidArgumentError('ops must be a non-empty list of [name, payload] operations.')
  }
  const broadcast = params.broadcast ?? true
  const data: SignReqData = { key_type: params.keyType, ops: params.ops, broadcast, nonce }
  const message = ({ encryptPayload }: AesModule): RequestMessage => ({
    cmd: 'sign_req',
    account: session.account,
    data: encryptPayload(data, session.key),
    ...(session.token ? { token: session.token } : {}),
  })
  return {
    ...restoreSignRequest(
      {
        kind: 'sign',
        account: session.account,
        key: session.key,
        broadcast,
        ...(broadcast ? {} : { ops: params.ops, keyType: params.keyType }),
        ...(options.serviceMode ? { service: true as const } : {}),
      },
      options.chain,
    ),
    message,
    preferredHost: session.host,
    onWait: params.onWait,
    signal: params.signal,
  }
}

/** Rebuilds a transaction request from its record (also after a reload) so its answer can still be read. */
export function restoreSignRequest(record: RequestRecordDraft | RequestRecord, chain?: ChainOptions): RequestSpec<SignResult> {
  const { account } = record
  return {
    kind: 'sign',
    account,
    key: record.key,
    record,
    deepLink: deepLinkFor(record),
    readAck: (data) => readSignAck(data, record, chain),
    expired: expiryFor(record),
  }
}

/**
 * `sign_ack.data` is not encrypted, so anyone on the path can write it: after a broadcast it must be a 40-hex txid
 * (only the chain can confirm it: see confirmTransaction); a sign-only answer must be the transaction asked for,
 * signed over Hive's digest by a key that carries the account's authority on chain (checked with the client's `chain`
 * options; the check loads on first use). A retry is never offered, since the wallet may have broadcast already.
 */
async function readSignAck(data: unknown, record: RequestRecordDraft, chain: ChainOptions | undefined): Promise<AckOutcome<SignResult>> {
  if (record.broadcast !== false) {
    if (typeof data === 'string' && TXID.test(data)) return ok({ broadcast: true, txid: data.toLowerCase() })
    return fail(new HasProtocolError('The wallet answered without a valid transaction id.'))
  }
  const checked = await checkSignedTransaction(data, { account: record.account, keyType: record.keyType ?? 'posting', ops: record.ops ?? [] }, chain)
  return 'error' in checked ? fail(checked.error) : ok({ broadcast: false, tx: checked.tx })
}
