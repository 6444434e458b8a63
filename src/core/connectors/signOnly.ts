import type { HiveOperation, SignResult } from '../actions/sign.js'
import type { ChainOptions } from '../chain/rpc.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { fetchTransactionHeader } from '../hive/transactionHeader.js'
import { isRecord } from '../protocol/parseFrame.js'
import { signedTransactionProblem } from '../request/signedTransactionProblem.js'
import type { HasSession } from '../types.js'
import type { ConnectorContext, ConnectorImpl, HiveConnector } from './HiveConnector.js'

/**
 * Signs without broadcasting through a browser wallet (`requestSignTx`): the kit builds the transaction (the head
 * block of the client's nodes as its reference, a minute to live), the wallet signs it, and the answer counts only as
 * the same operations signed by a key that carries the account's authority on chain: the checks a HiveAuth wallet's
 * signed transaction passes. Nothing is broadcast; the dApp does that, or a server.
 */
export async function signOnly(
  connector: HiveConnector,
  impl: Required<Pick<ConnectorImpl, 'signTransaction'>>,
  ctx: ConnectorContext,
  session: HasSession,
  params: { keyType: 'posting' | 'active'; ops: HiveOperation[]; chain: ChainOptions | undefined },
): Promise<SignResult> {
  const { keyType, ops, chain } = params
  const header = await fetchTransactionHeader(chain, ctx.signal)
  const signed = await impl.signTransaction(ctx, session, { keyType, tx: { ...header, operations: ops, extensions: [] } })
  const problem = signedTransactionProblem(signed, ops, Date.now())
  if (problem || !isRecord(signed)) {
    throw new HasProtocolError(`${connector.name} answered with another transaction than the one asked for.`, { details: problem })
  }
  const { transactionSignersProblem } = await import('../request/transactionSigners.js')
  let unsigned: string | undefined
  try {
    unsigned = await transactionSignersProblem(signed, session.account, keyType, chain)
  } catch (cause) {
    throw new HasConnectionError('The signed transaction could not be checked on chain.', { cause })
  }
  if (unsigned) throw new HasProtocolError(`The transaction is not signed by @${session.account}.`, { details: unsigned })
  return { broadcast: false, tx: signed }
}
