import { canonicalJson } from '../protocol/canonicalJson.js'
import { isRecord } from '../protocol/parseFrame.js'
import { type ChainOptions, callHive } from './rpc.js'

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

/**
 * Checks on chain that a transaction exists (`condenser_api.get_transaction`) and, if `ops` are given, that it holds
 * exactly them: what a dApp should do before relying on a txid. Nodes that all fail throw HasConnectionError.
 */
export async function confirmTransaction(params: ConfirmTransactionParameters): Promise<TransactionConfirmation> {
  if (typeof params.txid !== 'string' || !/^[0-9a-f]{40}$/i.test(params.txid)) return { confirmed: false, reason: 'not a transaction id' }
  const wellFormed = (result: unknown) => isRecord(result) && Array.isArray(result.operations)
  const answer = await callHive('condenser_api.get_transaction', [params.txid.toLowerCase()], params, {
    result: wellFormed,
    error: (message) => /unknown transaction|not found/i.test(message),
  })
  if ('error' in answer) return { confirmed: false, reason: 'the chain does not know this transaction' }
  const tx = answer.result as { operations: unknown[]; block_num?: unknown }
  const blockNum = typeof tx.block_num === 'number' ? tx.block_num : undefined
  if (params.ops && canonicalJson(tx.operations) !== canonicalJson(params.ops))
    return { confirmed: false, blockNum, reason: 'the transaction holds other operations' }
  return { confirmed: true, blockNum }
}
