import { encryptPayload } from '../crypto/aes'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError'
import { buildRequestLink } from '../protocol/links'
import type { RequestMessage, SignReqData } from '../protocol/messages'
import { isRecord } from '../protocol/parseFrame'
import { ignore, ok } from '../client/ackOutcome'
import type { RequestRecord } from '../client/requestRecord'
import type { RequestSpec } from '../client/requestRunner'
import type { HasSession, RequestOptions } from '../client/types'

/** A Hive operation in condenser form, e.g. `['vote', { voter, author, permlink, weight }]`. */
export type HiveOperation = [name: string, payload: Record<string, unknown>]

/** Parameters of a transaction request. */
export interface SignParameters extends RequestOptions {
  account: string
  keyType: 'posting' | 'active'
  ops: HiveOperation[]
  /** Broadcast (default). `false` asks for a signed transaction, which most wallets refuse. */
  broadcast?: boolean
}

/** What the wallet returned: a transaction id when it broadcast, a signed transaction when it did not. */
export interface SignResult {
  broadcast: boolean
  txid?: string
  tx?: Record<string, unknown>
}

/** Builds a `sign_req` for a session and reads `sign_ack` (whose data is plain text by protocol). */
export function createSignRequest(session: HasSession, params: SignParameters, nonce: number): RequestSpec<SignResult> {
  if (params.keyType !== 'posting' && params.keyType !== 'active') {
    throw new HasInvalidArgumentError('Transactions are signed with the posting or the active key.')
  }
  const ops: unknown = params.ops
  if (!Array.isArray(ops) || ops.length === 0 || !ops.every((op) => Array.isArray(op) && typeof op[0] === 'string' && isRecord(op[1]))) {
    throw new HasInvalidArgumentError('ops must be a non-empty list of [name, payload] operations.')
  }
  const broadcast = params.broadcast ?? true
  const data: SignReqData = { key_type: params.keyType, ops: params.ops, broadcast, nonce }
  const message: RequestMessage = { cmd: 'sign_req', account: session.account, data: encryptPayload(data, session.key) }
  if (session.token) message.token = session.token

  return {
    ...restoreSignRequest({ kind: 'sign', account: session.account, key: session.key, flag: broadcast }),
    message,
    preferredHost: session.host,
    onWait: params.onWait,
    signal: params.signal,
  }
}

/** Rebuilds a stored transaction request so its answer can still be read after a reload. */
export function restoreSignRequest(record: Pick<RequestRecord, 'kind' | 'account' | 'key' | 'flag'>): RequestSpec<SignResult> {
  const { account, key } = record
  return {
    kind: 'sign',
    account,
    key,
    record,
    deepLink: (uuid, host) => buildRequestLink('sign', { account, uuid, host }),
    readAck(frame) {
      if (frame.cmd !== 'sign_ack') return ignore
      // The service PKSA leaves `broadcast` out; a txid string means it broadcast.
      if (typeof frame.data === 'string') return ok({ broadcast: frame.broadcast ?? true, txid: frame.data })
      return ok({ broadcast: frame.broadcast ?? false, tx: frame.data })
    },
  }
}
