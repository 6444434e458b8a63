import { canonicalJson } from '../protocol/canonicalJson.js'
import { TXID } from '../protocol/constants.js'
import { isRecord } from '../protocol/parseFrame.js'
import { askNodes } from './askNodes.js'
import type { ChainOptions } from './rpc.js'

/** Parameters of confirmTransaction. */
export interface ConfirmTransactionParameters extends ChainOptions {
  /** The id a wallet returned (sign_ack's plain text, which a relay could have written). */
  txid: string
  /** The operations the transaction must hold, when you want that checked too. */
  ops?: readonly unknown[]
}

/** What the chain says about a transaction id. */
export interface TransactionConfirmation {
  confirmed: boolean
  blockNum?: number
  reason?: string
}

type Seen = null | { operations: unknown[]; blockNum: number | null }

/**
 * Checks on chain that a transaction exists (`condenser_api.get_transaction`) and, if `ops` are given, that it holds
 * exactly them: what a dApp should do before relying on a txid. Two nodes must agree (see ChainOptions.nodes): nodes
 * that disagree confirm nothing; too few answering is a HasConnectionError.
 */
export async function confirmTransaction(params: ConfirmTransactionParameters): Promise<TransactionConfirmation> {
  if (typeof params.txid !== 'string' || !TXID.test(params.txid)) return { confirmed: false, reason: 'not a transaction id' }
  const quorum = await askNodes<Seen>('condenser_api.get_transaction', [params.txid.toLowerCase()], params, (answer) => {
    if ('error' in answer) return /unknown transaction|not found/i.test(answer.error.message) ? null : undefined // null: unknown
    const tx = answer.result
    if (!isRecord(tx) || !Array.isArray(tx.operations)) return undefined
    return { operations: tx.operations, blockNum: typeof tx.block_num === 'number' ? tx.block_num : null }
  })
  if ('disagreed' in quorum) return { confirmed: false, reason: 'the nodes disagree about this transaction' }
  const seen = quorum.agreed
  if (seen === null) return { confirmed: false, reason: 'the chain does not know this transaction' }
  const blockNum = seen.blockNum ?? undefined
  if (params.ops && canonicalJson(seen.operations) !== canonicalJson(params.ops)) {
    return { confirmed: false, blockNum, reason: 'the transaction holds other operations' }
  }
  return { confirmed: true, blockNum }
}
