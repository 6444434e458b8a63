import { StrictMode, type ReactNode } from 'react'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import type { HasStorage } from '../../src/core/storage/HasStorage'
import { createMemoryRelay, type MemoryRelay } from '../../src/devkit/memory'
import type { RelayOptions } from '../../src/devkit/relay'
import { createWallet, type Wallet, type WalletOptions } from '../../src/devkit/wallet'
import { HasProvider, type HasProviderProps } from '../../src/react/HasProvider'

/** An in-memory relay, a wallet that scans every auth link the app shows, and a provider wrapper bound to them. */
export function createReactDevkit(options: { relay?: RelayOptions; wallet?: Partial<WalletOptions> } = {}) {
  const devkit: MemoryRelay = createMemoryRelay(options.relay)
  const wallet: Wallet = createWallet({ url: devkit.url, WebSocket: devkit.WebSocket, accounts: ['alice', 'bob'], ...options.wallet })
  const storage: HasStorage = createMemoryStorage()
  const wrapper =
    (props: Partial<HasProviderProps> & { strict?: boolean } = {}) =>
    ({ children }: { children: ReactNode }) => {
      const tree = (
        <HasProvider app={{ name: 'Hook tests' }} devkit={devkit} storage={storage} {...props}>
          {children}
        </HasProvider>
      )
      return props.strict ? <StrictMode>{tree}</StrictMode> : tree
    }
  return {
    devkit,
    wallet,
    storage,
    wrapper,
    /** onWait for login(): the wallet "scans" the QR code. */
    scan: (p: { deepLink: string }) => void wallet.scan(p.deepLink).catch(() => {}),
    close() {
      wallet.close()
      devkit.close()
    },
  }
}
