import type { HiveOperation, SignResult } from '../actions/sign.js'
import type { ChainOptions } from '../chain/rpc.js'
import { fetchTransactionHeader } from '../hive/transactionHeader.js'
import { checkSignedTransaction } from '../request/checkSignedTransaction.js'
import type { HasSession } from '../types.js'
import type { ConnectorContext, ConnectorImpl, HiveConnector } from './HiveConnector.js'

/**
 * Signs without broadcasting through a browser wallet (`requestSignTx`): the kit builds the transaction (the head
 * block of the client's nodes as its reference, a minute to live), the wallet signs it, and the answer counts only as
 * the same operations signed by a key that carries the account's authority on chain (checkSignedTransaction, as a
 * HiveAuth wallet's signed transaction). Nothing is broadcast; the dApp does that, or a server.
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
  const checked = await checkSignedTransaction(signed, { account: session.account, keyType, ops }, chain, connector.name)
  if ('error' in checked) throw checked.error
  return { broadcast: false, tx: checked.tx }
}
