/** A wallet app offered to someone who has none. */
export interface WalletLink {
  name: string
  url: string
  /** One line on what it is (shown under the name). */
  description?: string
}

/** The HiveAuth wallets most Hive users install. */
export const DEFAULT_WALLETS: readonly WalletLink[] = [
  { name: 'Hive Keychain', url: 'https://hive-keychain.com/', description: 'iOS, Android' },
  { name: 'HiveAuth', url: 'https://hiveauth.com/' },
]
