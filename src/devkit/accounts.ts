import { privateKeyFromLogin, publicKeyOf, type KeyRole } from './keys'

/** The master password of every simulated account unless given (the throwaway password of the protocol's test vector). */
export const DEVKIT_PASSWORD = 'test-password-not-real'

/** A simulated account and its keys. Test keys only: never use them on the real chain. */
export interface DevkitAccount {
  name: string
  keys: Record<'posting' | 'active' | 'memo', Uint8Array>
  publicKeys: Record<'posting' | 'active' | 'memo', string>
}

/** Derives an account's posting, active and memo keys from its name and a password, as Hive does. */
export function createDevkitAccount(name: string, password = DEVKIT_PASSWORD): DevkitAccount {
  const roles: ('posting' | 'active' | 'memo')[] = ['posting', 'active', 'memo']
  const keys = Object.fromEntries(roles.map((r) => [r, privateKeyFromLogin(name, password, r as KeyRole)])) as DevkitAccount['keys']
  const publicKeys = Object.fromEntries(roles.map((r) => [r, publicKeyOf(keys[r])])) as DevkitAccount['publicKeys']
  return { name, keys, publicKeys }
}

/** The account as `condenser_api.get_accounts` would return it, so a dApp's chain check can run against fixtures. */
export function toChainAccount(account: DevkitAccount) {
  const authority = (key: string) => ({ weight_threshold: 1, account_auths: [], key_auths: [[key, 1]] })
  return {
    name: account.name,
    posting: authority(account.publicKeys.posting),
    active: authority(account.publicKeys.active),
    memo_key: account.publicKeys.memo,
  }
}
