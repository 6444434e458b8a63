import type { ChainOptions } from '../chain/rpc.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { isRecord } from '../protocol/parseFrame.js'
import { signedTransactionProblem } from './signedTransactionProblem.js'

/** What a sign-only request asked for. */
export interface SignOnlyAsked {
  account: string
  keyType: 'posting' | 'active'
  ops: readonly unknown[]
}

/**
 * A wallet's signed (not broadcast) transaction, or why it does not count: it must be the transaction asked for (the
 * operations sent, a reference block and expiration Hive accepts) and be signed with a key that carries the account's
 * authority on chain (read with `chain`; that check loads on first use). `wallet` names who answered. The same checks
 * for a HiveAuth wallet's `sign_ack` and a browser wallet's `requestSignTx`.
 */
export async function checkSignedTransaction(
  signed: unknown,
  asked: SignOnlyAsked,
  chain: ChainOptions | undefined,
  wallet = 'The wallet',
): Promise<{ tx: Record<string, unknown> } | { error: HasErrorType }> {
  const problem = signedTransactionProblem(signed, asked.ops, Date.now())
  if (problem || !isRecord(signed)) {
    return { error: new HasProtocolError(`${wallet} answered with another transaction than the one asked for.`, { details: problem }) }
  }
  const { transactionSignersProblem } = await import('./transactionSigners.js')
  let unsigned: string | undefined
  try {
    unsigned = await transactionSignersProblem(signed, asked.account, asked.keyType, chain)
  } catch (cause) {
    return { error: new HasConnectionError('The signed transaction could not be checked on chain.', { cause, reason: 'nodes' }) }
  }
  if (unsigned) return { error: new HasProtocolError(`The transaction is not signed by @${asked.account}.`, { details: unsigned }) }
  return { tx: signed }
}
