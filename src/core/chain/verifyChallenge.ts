import { decodePublicKey, HIVE_KEY_PREFIX, recoverEnvelopeSigner, recoverPublicKey } from '../crypto/signatures.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { checkAccountName } from '../protocol/accountName.js'
import type { KeyType } from '../protocol/constants.js'
import type { ChainVerification } from './ChainVerification.js'
import { getHiveAccount, type HiveAccount } from './hiveAccounts.js'
import type { ChainOptions } from './rpc.js'
import '../firstLoadShared.js'

export type { ChainVerification, VerificationFailure } from './ChainVerification.js'

/** Parameters of verifyChallenge. */
export interface VerifyChallengeParameters extends ChainOptions {
  account: string
  keyType: KeyType
  message: string
  signature: string
}

/**
 * Checks on chain that `signature` (over `message` or its Buffer-JSON envelope, as HiveAuth wallets and Keychain's
 * `requestSignBuffer` sign) was made by a key of `account` that alone carries the weight of its `keyType` authority
 * (any of its keys, not the first), or is its memo key. The account is read from two nodes that must agree (see ChainOptions.nodes). Invalid
 * input, a key that does not qualify or nodes that disagree are `valid: false` with a code; too few nodes answering is a
 * HasConnectionError, never `valid: true`.
 */
export async function verifyChallenge(params: VerifyChallengeParameters): Promise<ChainVerification> {
  const { account, keyType, message, signature } = params
  const prefix = params.addressPrefix ?? HIVE_KEY_PREFIX
  if (typeof account !== 'string' || checkAccountName(account))
    return { valid: false, code: 'invalid_account', reason: 'not a valid Hive account name' }
  if (keyType !== 'posting' && keyType !== 'active' && keyType !== 'memo')
    return { valid: false, code: 'invalid_account', reason: 'unknown key type' }
  let publicKey: string
  try {
    publicKey = recoverPublicKey(message, signature, prefix)
  } catch (error) {
    return {
      valid: false,
      code: 'malformed_signature',
      // Stryker disable next-line all: recoverPublicKey throws HasInvalidArgumentError only; the fallback is for safety
      reason: error instanceof HasInvalidArgumentError ? error.shortMessage : 'malformed signature',
    }
  }
  const lookup = await getHiveAccount(account, params)
  if ('disagreed' in lookup) return { valid: false, publicKey, code: 'nodes_disagree', reason: `the nodes disagree about @${account}` }
  if (!lookup.account) return { valid: false, publicKey, code: 'unknown_account', reason: `@${account} does not exist` }
  const reason = authorityProblem(lookup.account, keyType, publicKey, prefix)
  if (!reason) return { valid: true, publicKey }
  // The same signature over the message's Buffer-JSON envelope (HiveAuth app, service PKSA): it commits to the message too.
  const envelopeSigner = envelopeSignerOf(message, signature, prefix)
  if (envelopeSigner && !authorityProblem(lookup.account, keyType, envelopeSigner, prefix)) return { valid: true, publicKey: envelopeSigner }
  return { valid: false, publicKey, code: 'key_not_authorized', reason }
}

// Stryker disable BlockStatement: the catch is not met with real signatures (both digests recover a point or neither does)
function envelopeSignerOf(message: string, signature: string, prefix: string): string | undefined {
  try {
    return recoverEnvelopeSigner(message, signature, prefix)
  } catch {
    return undefined // a point recovered over one digest but not the other: the envelope form does not apply
  }
}
// Stryker restore BlockStatement

/** Why `publicKey` cannot act alone for the `keyType` authority of an account (undefined when it can). */
export function authorityProblem(account: HiveAccount, keyType: KeyType | 'owner', publicKey: string, prefix = HIVE_KEY_PREFIX): string | undefined {
  const same = (a: string, b: string) => {
    const x = decodePublicKey(a, prefix)
    const y = decodePublicKey(b, prefix)
    return Boolean(x && y && x.every((byte, i) => byte === y[i]))
  }
  if (keyType === 'memo') return same(account.memo_key, publicKey) ? undefined : `the key is not the memo key of @${account.name}`
  const authority = account[keyType]
  const entry = authority.key_auths.find(([key]) => same(key, publicKey))
  if (!entry) {
    const elsewhere = (['active', 'posting', 'owner'] as const).find((role) => account[role].key_auths.some(([key]) => same(key, publicKey)))
    return elsewhere
      ? `the key is a${article(elsewhere)} ${elsewhere} key of @${account.name}, not a${article(keyType)} ${keyType} key`
      : `the key is not a${article(keyType)} ${keyType} key of @${account.name} (removed or never added)`
  }
  if (entry[1] < authority.weight_threshold) {
    return `the key's weight (${entry[1]}) is below the ${keyType} threshold of @${account.name} (${authority.weight_threshold}): it cannot sign alone`
  }
  return undefined
}

/** "an" before active and owner, "a" before posting and memo. */
const article = (role: string) => (role === 'active' || role === 'owner' ? 'n' : '')
