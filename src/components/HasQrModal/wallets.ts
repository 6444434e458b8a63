/** A wallet app offered to someone who has none. */
export interface WalletLink {
  name: string
  /** Its website. */
  url: string
  /** One line on what it is (shown under the name). */
  description?: string
  /** Where to install it. */
  stores?: { ios?: string; android?: string }
  /** Its icon (a URL or a data: URI); without one, its initial is shown, so nothing loads from elsewhere. */
  icon?: string
  /** The colour behind the initial. */
  color?: string
}

/** The HiveAuth wallets most Hive users install. */
export const DEFAULT_WALLETS: readonly WalletLink[] = [
  {
    name: 'Hive Keychain',
    url: 'https://hive-keychain.com/',
    description: 'iOS, Android',
    stores: {
      ios: 'https://apps.apple.com/us/app/hive-keychain/id1552190010',
      android: 'https://play.google.com/store/apps/details?id=com.mobilekeychain',
    },
    color: '#e31337',
  },
  { name: 'HiveAuth', url: 'https://hiveauth.com/', description: 'iOS, Android', color: '#1f4fb8' },
]
