import type { HiveAccount, HiveAuthority } from '../core/chain/hiveAccounts.js'
import { decodePublicKey } from '../core/crypto/publicKeys.js'
import { recoverDigestSigner } from '../core/crypto/signatures.js'
import { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError.js'
import { transactionDigest, transactionId } from '../core/hive/transaction.js'
import { isRecord } from '../core/protocol/parseFrame.js'
import { toLegacyOperation } from '../core/hive/hf26Operations.js'
import { checkOperation } from './chainOperations.js'
import { type RequiredAuthority, requiredAuthorities } from '../core/hive/operationAuthority.js'
import { missingAuthorityText } from './authority.js'
import type { BlockClock } from './chainBlocks.js'

/** hived refuses a transaction that expires more than an hour after the head block. */
const MAX_TIME_UNTIL_EXPIRATION_MS = 3600_000

/** What a transaction is checked against: the chain's id, blocks, accounts and the ids it already holds. */
export interface TransactionContext {
  chainId: string
  clock: BlockClock
  account(name: string): HiveAccount | undefined
  known(txid: string): boolean
}

/** A transaction the node accepts: its id (of the form it was sent in), both its ids, and the keys that signed it. */
export interface CheckedTransaction {
  txid: string
  /** Its ids by serialization: a client finds it by either (legacy: dhive, hive-tx; hf26: wax). */
  ids: string[]
  signers: string[]
  /** Its operations in the legacy array form. */
  operations: [string, Record<string, unknown>][]
}

/** An error with the text a Hive node answers (dhive and wallets show it as it is). */
export class HiveNodeError extends Error {}

/**
 * Checks a signed transaction as hived does before it enters a block: it serializes (operations in either JSON form),
 * its expiration and reference block are current, it is new, its operations are valid on this chain, its signatures
 * are canonical and each is needed, and they carry every authority its operations require, signed over either
 * serialization (legacy, or HF26's, as hived accepts since HF26). Throws a HiveNodeError in Hive's words.
 */
export function checkTransaction(tx: Record<string, unknown>, ctx: TransactionContext): CheckedTransaction {
  let digests: Uint8Array[]
  let ids: string[]
  try {
    digests = (['legacy', 'hf26'] as const).map((form) => transactionDigest(tx, ctx.chainId, form))
    ids = (['legacy', 'hf26'] as const).map((form) => transactionId(tx, form))
  } catch (error) {
    throw new HiveNodeError(`Parse Error: ${error instanceof HasInvalidArgumentError ? error.shortMessage : 'not a transaction'}`)
  }
  const operations = (tx.operations as unknown[]).map(toLegacyOperation) as [string, Record<string, unknown>][]
  const sentAsHf26 = (tx.operations as unknown[]).some((op) => !Array.isArray(op))
  const head = ctx.clock.head()
  const expiration = Date.parse(`${String(tx.expiration)}Z`)
  if (!(expiration > head.time)) throw new HiveNodeError('transaction expiration exception: now < trx.expiration')
  if (expiration > head.time + MAX_TIME_UNTIL_EXPIRATION_MS) {
    throw new HiveNodeError('transaction expiration exception: trx.expiration <= now + fc::seconds(HIVE_MAX_TIME_UNTIL_EXPIRATION)')
  }
  if (ctx.clock.referencedBlock(tx.ref_block_num as number, tx.ref_block_prefix as number) === undefined) {
    throw new HiveNodeError('transaction tapos exception: trx.ref_block_prefix == tapos_block_summary.block_id._hash[1]')
  }
  if (ids.some((id) => ctx.known(id))) throw new HiveNodeError('Duplicate transaction check failed')
  for (const [name, payload] of operations) checkOperation(name, payload, ctx)
  const needs = operations.flatMap(([name, payload]) => {
    const needed = requiredAuthorities(name, payload)
    if (!needed) throw new HiveNodeError(`The devkit node does not simulate ${name}.`)
    return needed
  })
  // The legacy serialization's signatures first; then HF26's (what wax signs).
  let refusal: HiveNodeError | undefined
  for (const digest of digests) {
    try {
      const signers = authorizedSigners(recoverSigners(tx.signatures, digest), needs, ctx)
      return { txid: sentAsHf26 ? ids[1]! : ids[0]!, ids, signers, operations }
    } catch (error) {
      if (!(error instanceof HiveNodeError)) throw error
      refusal ??= error
    }
  }
  throw refusal!
}

/** The signers, once they carry every authority needed and none is superfluous. */
function authorizedSigners(signers: string[], needs: RequiredAuthority[], ctx: TransactionContext): string[] {
  const used = new Set<string>()
  for (const need of needs) {
    const keys = satisfyingKeys(ctx.account(need.account), need.role, signers)
    if (!keys) throw new HiveNodeError(missingAuthorityText(need))
    for (const key of keys) used.add(key)
  }
  if (signers.some((signer) => !used.has(signer))) throw new HiveNodeError('irrelevant signature included: Unnecessary signature(s) detected')
  return signers
}

function recoverSigners(signatures: unknown, digest: Uint8Array): string[] {
  if (!Array.isArray(signatures)) throw new HiveNodeError('Parse Error: signatures must be a list')
  const signers = signatures.map((signature) => {
    try {
      return recoverDigestSigner(digest, String(signature))
    } catch (error) {
      throw new HiveNodeError(`Assert Exception: ${error instanceof HasInvalidArgumentError ? error.shortMessage : 'bad signature'}`)
    }
  })
  if (new Set(signers).size !== signers.length) throw new HiveNodeError('Duplicate Signature detected')
  return signers
}

/**
 * The signers whose weights reach `role`'s threshold of the account (a posting need is met by the posting, active or
 * owner authority; an active one by active or owner), or undefined when no authority is reached.
 */
function satisfyingKeys(account: HiveAccount | undefined, role: RequiredAuthority['role'], signers: string[]): string[] | undefined {
  if (!account) return undefined
  const roles =
    role === 'posting' ? (['posting', 'active', 'owner'] as const) : role === 'active' ? (['active', 'owner'] as const) : (['owner'] as const)
  for (const r of roles) {
    const keys = signers.filter((signer) => weightOf(account[r], signer) > 0)
    if (keys.length && keys.reduce((sum, key) => sum + weightOf(account[r], key), 0) >= account[r].weight_threshold) return keys
  }
  return undefined
}

function weightOf(authority: HiveAuthority, key: string): number {
  const point = decodePublicKey(key)
  const entry = authority.key_auths.find(([candidate]) => {
    const other = decodePublicKey(candidate)
    return Boolean(point && other && point.every((byte, i) => byte === other[i]))
  })
  return entry?.[1] ?? 0
}

/** Whether a value is a transaction in Hive's JSON form (an object with operations). */
export const isTransaction = (value: unknown): value is Record<string, unknown> => isRecord(value) && Array.isArray(value.operations)
