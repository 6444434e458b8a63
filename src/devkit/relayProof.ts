import { checkAccountName } from '../core/protocol/accountName.js'
import { createDevkitAccount } from './accounts.js'
import type { DevkitChain } from './chain.js'
import { decodeMemo } from './memo.js'

/** The public keys an account holds on chain, as the relay checks proofs of key against them. */
export type AccountKeys = (account: string) => readonly string[] | undefined

/** The devkit's accounts: any valid name, with the keys the test password derives (what the simulated wallets hold). */
export const devkitAccountKeys: AccountKeys = (account) => {
  if (checkAccountName(account)) return undefined
  const { publicKeys } = createDevkitAccount(account)
  return [publicKeys.posting, publicKeys.active, publicKeys.memo]
}

/**
 * Checks a proof of key as the HAS does: the memo decodes with the relay's key, was written with a key of the
 * account, and says what it should (the request's uuid, or for a registration a time within `skewMs` of ours). Leading
 * `#`s are ignored (the HiveAuth app writes two). Never throws.
 */
export function proofHolds(
  serverKey: Uint8Array,
  proof: unknown,
  account: string,
  keysOf: AccountKeys,
  expected: { uuid: string } | { now: number; skewMs: number },
): boolean {
  if (typeof proof !== 'string') return false
  let decoded: ReturnType<typeof decodeMemo>
  try {
    decoded = decodeMemo(serverKey, proof)
  } catch {
    return false
  }
  if (!keysOf(account)?.includes(decoded.from)) return false
  const value = decoded.message.replace(/^#+/, '')
  if ('uuid' in expected) return value === expected.uuid
  const time = Number(value)
  return Number.isFinite(time) && Math.abs(time - expected.now) <= expected.skewMs
}

/** The keys a devkit chain lists for an account (what the HAS checks against the real chain). */
export function chainAccountKeys(chain: DevkitChain): AccountKeys {
  return (name) => {
    const account = chain.account(name)
    if (!account) return undefined
    return [account.memo_key, ...(['owner', 'active', 'posting'] as const).flatMap((role) => account[role].key_auths.map(([key]) => key))]
  }
}
