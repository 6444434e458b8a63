import { getHiveAccount, type HiveAuthority } from '../chain/hiveAccounts.js'
import type { ChainOptions } from '../chain/rpc.js'
import { decodePublicKey, HIVE_KEY_PREFIX } from '../crypto/publicKeys.js'
import { recoverDigestSigner } from '../crypto/signatures.js'
import { HasError } from '../errors/HasError.js'
import { HIVE_CHAIN_ID, transactionDigest } from '../hive/transaction.js'
import '../firstLoadShared.js'

// Loaded on first use (signRequest imports it dynamically): the serializer and the curve stay out of a first load.

/** The roles whose keys may sign for a need: Hive accepts the active or owner key where posting is asked, owner for active. */
const ROLES_FOR = { posting: ['posting', 'active', 'owner'], active: ['active', 'owner'] } as const

/**
 * Why a signed transaction does not carry the `keyType` authority of `account` (undefined when it does): each
 * signature must recover, over Hive's digest of the transaction for the chain's id, and one of the keys must alone
 * carry that authority on chain. A chain that cannot be read rejects (HasConnectionError), never passes.
 */
export async function transactionSignersProblem(
  tx: Record<string, unknown>,
  account: string,
  keyType: 'posting' | 'active',
  chain: ChainOptions = {},
): Promise<string | undefined> {
  const prefix = chain.addressPrefix ?? HIVE_KEY_PREFIX
  let signers: string[]
  try {
    const digest = transactionDigest(tx, chain.chainId ?? HIVE_CHAIN_ID)
    signers = (tx.signatures as string[]).map((signature) => recoverDigestSigner(digest, signature, prefix))
  } catch (error) {
    return error instanceof HasError ? error.shortMessage : 'not a Hive transaction'
  }
  const lookup = await getHiveAccount(account, chain)
  if ('disagreed' in lookup) return `the Hive API nodes disagree about @${account}`
  if (!lookup.account) return `@${account} does not exist`
  const found = lookup.account
  const signs = signers.some((key) => ROLES_FOR[keyType].some((role) => carries(found[role], key, prefix)))
  return signs ? undefined : `no signature is by a key that carries the ${keyType} authority of @${account}`
}

function carries(authority: HiveAuthority, key: string, prefix: string): boolean {
  const point = decodePublicKey(key, prefix)
  const entry = authority.key_auths.find(([candidate]) => {
    const other = decodePublicKey(candidate, prefix)
    return Boolean(point && other && point.every((byte, i) => byte === other[i]))
  })
  return entry !== undefined && entry[1] >= authority.weight_threshold
}
