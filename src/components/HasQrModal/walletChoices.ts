import type { WalletOption } from './useWalletList.js'

/** The wallets that answer Hive Keychain's page API: two installed both open a window for one request. */
const KEYCHAIN_API = new Set(['com.hivekeychain', 'com.ecency.keeper'])

/** The wallet step's list, in its order, and whether two installed wallets would both answer one request. */
export interface WalletChoices {
  list: readonly WalletOption[]
  /** The two wallet names to warn about, when Keychain and Keeper are both installed. */
  doubleAnswer?: readonly [string, string]
}

/**
 * What the wallet step offers: the wallet last used (when offered), the installed extensions, HiveAuth ("scan with
 * your phone") always, then wallets that need no install. Extensions not installed are left to "Don't have a wallet?".
 * Inside Keychain Mobile's browser its Keychain leads. When logins are verified, a wallet whose login proves no Sign
 * in with Hive message (HiveSigner) is not offered.
 */
export function walletChoices(
  connectors: readonly WalletOption[],
  lastUsed: string | undefined,
  inKeychainApp: boolean,
  verifying: boolean,
): WalletChoices {
  const offered = connectors.filter((c) => (c.kind !== 'injected' || c.installed) && (c.provesLogin || !verifying))
  const rank = (c: WalletOption) => {
    if (inKeychainApp && c.id === 'keychain') return 0
    if (c.id === lastUsed) return 1
    if (c.kind === 'injected') return 2
    return c.kind === 'relay' ? 3 : 4
  }
  const list = offered
    .map((c, i) => ({ c, i }))
    .sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i)
    .map(({ c }) => c)
  const sharing = offered.filter((c) => c.kind === 'injected' && c.rdns !== undefined && KEYCHAIN_API.has(c.rdns))
  return sharing.length >= 2 ? { list, doubleAnswer: [sharing[0]!.name, sharing[1]!.name] } : { list }
}
