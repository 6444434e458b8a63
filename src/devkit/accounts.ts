import { privateKeyFromLogin, publicKeyOf } from './keys.js'

/** The master password of every simulated account unless given (the throwaway password of the protocol's test vector). */
export const DEVKIT_PASSWORD = 'test-password-not-real'

/** The key roles a HiveAuth request can use. */
export type DevkitRole = 'posting' | 'active' | 'memo'

/** How a simulated account is described: a name (test password, every key), or a name with a password and missing keys. */
export type DevkitAccountSpec = string | { name: string; password?: string; lacks?: readonly DevkitRole[] }

/** A simulated account: its public keys (as on chain), and the private keys the wallet holds. Test keys only. */
export interface DevkitAccount {
  name: string
  /** The private keys the simulated wallet holds (a role it `lacks` is absent). */
  keys: Partial<Record<DevkitRole, Uint8Array>>
  /** The account's public keys, whether or not the wallet holds the private half. */
  publicKeys: Record<DevkitRole, string>
}

const ROLES: readonly DevkitRole[] = ['posting', 'active', 'memo']

/** Derives an account's keys from its name and a password, as Hive does; `lacks` leaves roles out of the wallet. */
export function createDevkitAccount(name: string, password = DEVKIT_PASSWORD, lacks: readonly DevkitRole[] = []): DevkitAccount {
  const keys: DevkitAccount['keys'] = {}
  const publicKeys = {} as DevkitAccount['publicKeys']
  for (const role of ROLES) {
    const key = privateKeyFromLogin(name, password, role)
    publicKeys[role] = publicKeyOf(key)
    if (!lacks.includes(role)) keys[role] = key
  }
  return { name, keys, publicKeys }
}

/** An account from its description. */
export function accountFromSpec(spec: DevkitAccountSpec): DevkitAccount {
  return typeof spec === 'string' ? createDevkitAccount(spec) : createDevkitAccount(spec.name, spec.password, spec.lacks)
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

/** The key a wallet proves itself with: its least privileged one (memo, then posting, then active), as PKSAs do. */
export function proofKeyOf(account: DevkitAccount): Uint8Array | undefined {
  return account.keys.memo ?? account.keys.posting ?? account.keys.active
}
