import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { createWebStorage } from '../../src/core/storage/createWebStorage'
import type { HasStorage } from '../../src/core/storage/HasStorage'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import type { HasClient } from '../../src/core/client/createHasClient'
import type { DevkitAccountSpec } from '../../src/devkit/accounts'
import { createChain, type DevkitChain } from '../../src/devkit/chain'
import { type FakeKeychain, type FakeKeychainOptions, installFakeKeychain } from '../../src/devkit/fakeKeychain'
import { type FakePeakVault, type FakePeakVaultOptions, installFakePeakVault } from '../../src/devkit/fakePeakVault'
import { type InPageHiveSigner, installFakeHiveSigner } from '../../src/devkit/fakeHiveSignerPage'
import type { FakeHiveSignerDecision } from '../../src/devkit/hiveSignerService'
import { browserWallets } from '../../src/core/connectors/browserWallets'
import { hiveSigner } from '../../src/core/connectors/hiveSigner'
import type { HiveConnector } from '../../src/core/connectors/HiveConnector'
import { chainAccountKeys } from '../../src/devkit/relayProof'
import { createMemoryRelay, type MemoryRelay } from '../../src/devkit/memory'
import type { WalletProfile } from '../../src/devkit/profiles'
import type { RelayOptions } from '../../src/devkit/relay'
import { createWallet, type Wallet, type WalletDecision } from '../../src/devkit/wallet'
import { authenticate } from '../../src/core/actions/authenticate'

/** How a story sets up its in-page relay and simulated wallet. */
export interface PlaygroundOptions {
  profile?: WalletProfile
  /** `manual` (default) waits for Approve or Reject in the wallet panel. */
  decision?: WalletDecision
  /** Relay options, and `latencyMs`: how long each frame takes each way (a slow network). */
  relay?: RelayOptions & { latencyMs?: number }
  /** Accounts logged in before the story shows. */
  loggedIn?: readonly string[]
  /** The wallet they log in with (a connector id, e.g. `keychain`; default HiveAuth through the simulated wallet). */
  loggedInWith?: string
  /** Service mode: the secret the dApp and the (headless) wallet share; no QR code is scanned. */
  secret?: string
  /** The wallet's accounts, e.g. `{ name: 'alice', lacks: ['active'] }` (default alice, bob, carol with every key). */
  accounts?: readonly DevkitAccountSpec[]
  /** Verify logins on the in-page Hive node (`session.verified`, the button's verified mark). */
  verify?: boolean
  /** Accounts "logged in before on this device", offered as one-tap choices in the account form. */
  recent?: readonly string[]
  /** Keep sessions in this browser's localStorage, so they survive a reload (default: in memory, per story). */
  persist?: boolean
  /**
   * Browser wallets installed in the page (the devkit's fake Hive Keychain; `{ keeper: true }` for Hive Keeper), holding
   * the wallet's accounts and broadcasting to the in-page node. Default decision: approve.
   */
  extensions?: readonly StoryExtension[]
  /** HiveSigner in the page (the devkit's in-page fake, broadcasting to the in-page node), offered beside the others. */
  hiveSigner?: { decision?: FakeHiveSignerDecision }
}

/** The app the in-page HiveSigner knows, and the callback page it sends the user back to (played in the page). */
const HIVESIGNER_APP = 'storybook.demo'
const HIVESIGNER_CALLBACK = 'https://storybook.invalid/hivesigner-callback'

/** A fake browser wallet in a story: Hive Keychain (or Keeper, `keeper: true`) by default, or Peak Vault. */
export type StoryExtension = ({ wallet?: 'keychain' } & Partial<FakeKeychainOptions>) | ({ wallet: 'peakvault' } & Partial<FakePeakVaultOptions>)

/** An in-page relay and a wallet that a story, the wallet panel and the browser tests share. */
export interface Playground {
  devkit: MemoryRelay
  /** The in-page Hive node: the wallet broadcasts to it, verified logins are checked against it. */
  chain: DevkitChain
  storage: HasStorage
  wallet(): Wallet
  /** The browser wallets installed in the page, in the order given (HiveSigner last, when the story has it). */
  extensions: readonly (FakeKeychain | FakePeakVault | InPageHiveSigner)[]
  /** The provider's wallets when the story configures more than the defaults (HiveSigner). */
  connectors: readonly HiveConnector[] | undefined
  profile(): WalletProfile
  /** Replaces the wallet by one that behaves like another app; its sessions start empty. */
  setProfile(profile: WalletProfile): void
  setDecision(decision: WalletDecision): void
  /** Logs accounts in without the modal, approving in the wallet. */
  logIn(client: HasClient, accounts: readonly string[]): Promise<void>
  subscribe(listener: () => void): () => void
  /** Changes whenever the wallet's requests, sessions or profile change. */
  version(): number
  close(): void
}

export const PLAYGROUND_ACCOUNTS = ['alice', 'bob', 'carol']

/** Creates the relay and the first wallet. */
export function createPlayground(options: PlaygroundOptions = {}): Playground {
  const chain = createChain({ accounts: options.accounts ?? PLAYGROUND_ACCOUNTS })
  const devkit = createMemoryRelay({ accountKeys: chainAccountKeys(chain), ...options.relay })
  const storage = options.persist ? createWebStorage('local') : createMemoryStorage()
  if (options.recent?.length) {
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions: [], pending: [], nonce: 0, removed: [], recent: options.recent }))
  }
  const listeners = new Set<() => void>()
  let version = 0
  let decision: WalletDecision = options.decision ?? 'manual'
  let profile: WalletProfile = options.profile ?? 'docs-v1'
  const changed = () => {
    version++
    for (const listener of listeners) listener()
  }
  const makeWallet = () =>
    createWallet({
      url: devkit.url,
      WebSocket: devkit.WebSocket,
      accounts: options.accounts ?? PLAYGROUND_ACCOUNTS,
      profile,
      decision,
      secret: options.secret,
      chain,
      onChange: changed,
    })
  // A service PKSA runs headless and registers its accounts at start: nothing is scanned, so it must already be there.
  const connectIfService = (w: Wallet) => {
    if (options.secret) void w.connect().catch(() => {})
    return w
  }
  let wallet = connectIfService(makeWallet())
  const holding = { accounts: options.accounts ?? PLAYGROUND_ACCOUNTS, chain }
  const extensions = (options.extensions ?? []).map((extension) =>
    extension.wallet === 'peakvault'
      ? installFakePeakVault({ ...holding, decision: 'approve', ...extension })
      : installFakeKeychain({ ...holding, decision: 'approve', ...extension }),
  )
  const signer = options.hiveSigner
    ? installFakeHiveSigner({ ...holding, apps: { [HIVESIGNER_APP]: [HIVESIGNER_CALLBACK] }, decision: options.hiveSigner.decision ?? 'approve' })
    : undefined
  const connectors = signer
    ? [...browserWallets(), hiveSigner({ app: HIVESIGNER_APP, callbackUrl: HIVESIGNER_CALLBACK, baseUrl: signer.url, scope: ['posting'] })]
    : options.loggedInWith
      ? browserWallets() // a page on the hooks alone (SignDemo) offers no wallet by default
      : undefined

  return {
    devkit,
    chain,
    storage,
    wallet: () => wallet,
    extensions: signer ? [...extensions, signer] : extensions,
    connectors,
    profile: () => profile,
    setProfile(next) {
      wallet.close()
      profile = next
      wallet = connectIfService(makeWallet())
      changed()
    },
    setDecision(next) {
      decision = next
      wallet.setDecision(next)
    },
    async logIn(client, accounts) {
      const { loggedInWith: connector } = options
      if (connector) {
        for (const account of accounts) await authenticate(client, { account, connector })
        return changed()
      }
      wallet.setDecision('approve')
      try {
        for (const account of accounts) await authenticate(client, { account, onWait: (p) => void wallet.scan(p.deepLink) })
      } finally {
        wallet.setDecision(decision)
        changed()
      }
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    version: () => version,
    close() {
      for (const extension of extensions) extension.uninstall()
      signer?.uninstall()
      listeners.clear()
      wallet.close()
      devkit.close()
    },
  }
}
