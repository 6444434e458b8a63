import { decodePublicKey, recoverPublicKey } from '../crypto/signatures.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { checkAccountName } from '../protocol/accountName.js'
import type { KeyType } from '../protocol/constants.js'
import { getHiveAccount, type HiveAccount } from './hiveAccounts.js'
import type { ChainOptions } from './rpc.js'

/** What a verification found: whether the signature proves the account, the key that signed, and why not. */
export interface ChainVerification {
  valid: boolean
  publicKey?: string
  reason?: string
}

/** Parameters of verifyChallenge. */
export interface VerifyChallengeParameters extends ChainOptions {
  account: string
  keyType: KeyType
  message: string
  signature: string
}

/**
 * Checks on chain that `signature` (over `message`, as HiveAuth wallets sign) was made by a key of `account` that
 * alone carries the weight of its `keyType` authority (any of its keys, not the first), or is its memo key. Invalid
 * input or a key that does not qualify is `valid: false` with a reason; nodes that all fail are a HasConnectionError,
 * never `valid: true`.
 */
export async function verifyChallenge(params: VerifyChallengeParameters): Promise<ChainVerification> {
  const { account, keyType, message, signature } = params
  if (typeof account !== 'string' || checkAccountName(account)) return { valid: false, reason: 'not a valid Hive account name' }
  if (keyType !== 'posting' && keyType !== 'active' && keyType !== 'memo') return { valid: false, reason: 'unknown key type' }
  let publicKey: string
  try {
    publicKey = recoverPublicKey(message, signature)
  } catch (error) {
    return { valid: false, reason: error instanceof HasInvalidArgumentError ? error.shortMessage : 'malformed signature' }
  }
  const onChain = await getHiveAccount(account, params)
  if (!onChain) return { valid: false, publicKey, reason: `@${account} does not exist` }
  const reason = authorityProblem(onChain, keyType, publicKey)
  return reason ? { valid: false, publicKey, reason } : { valid: true, publicKey }
}

/** Why `publicKey` cannot act alone for the `keyType` authority of an account (undefined when it can). */
export function authorityProblem(account: HiveAccount, keyType: KeyType, publicKey: string): string | undefined {
  const same = (a: string, b: string) => {
    const x = decodePublicKey(a)
    const y = decodePublicKey(b)
    return Boolean(x && y && x.every((byte, i) => byte === y[i]))
  }
  if (keyType === 'memo') return same(account.memo_key, publicKey) ? undefined : `the key is not the memo key of @${account.name}`
  const authority = account[keyType]
  const entry = authority.key_auths.find(([key]) => same(key, publicKey))
  if (!entry) {
    const elsewhere = (['active', 'posting', 'owner'] as const).find((role) => account[role].key_auths.some(([key]) => same(key, publicKey)))
    return elsewhere
      ? `the key is a ${elsewhere} key of @${account.name}, not a ${keyType} key`
      : `the key is not a ${keyType} key of @${account.name} (removed or never added)`
  }
  if (entry[1] < authority.weight_threshold) {
    return `the key's weight (${entry[1]}) is below the ${keyType} threshold of @${account.name} (${authority.weight_threshold}): it cannot sign alone`
  }
  return undefined
}
