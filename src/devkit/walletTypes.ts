import type { WebSocketConstructor } from '../core/types.js'
import type { DevkitAccount, DevkitAccountSpec } from './accounts.js'
import type { DevkitChain } from './chain.js'
import type { WalletProfile } from './profiles.js'
import type { WalletBroadcast, WalletRequest } from './walletAnswers.js'
import type { WalletSession } from './walletSessions.js'

/** What the simulated wallet does with each request. `manual` holds it until `approve` or `reject` is called. */
export type WalletDecision = 'approve' | 'reject' | 'error' | 'ignore' | 'manual'

/** Options of the wallet (PKSA) simulator. */
export interface WalletOptions {
  /** The relay to connect to; deep links naming another host are refused, as HiveAuth mobile does. */
  url: string
  WebSocket?: WebSocketConstructor
  /** Accounts the wallet holds keys for: names (test password), or `{ name, password?, lacks? }` (roles it lacks). */
  accounts: readonly DevkitAccountSpec[]
  profile?: WalletProfile
  decision?: WalletDecision
  /** Delay before each answer (ms). */
  replyDelayMs?: number
  /** Service mode: the `auth_req_secret` shared with the dApp. */
  secret?: string
  /** How long a granted session lasts (ms, default one day). */
  sessionMs?: number
  /** Called whenever the requests awaiting a manual decision, the sessions or the broadcasts change. */
  onChange?: () => void
  /** The devkit chain the wallet broadcasts to (it checks authority and records the transaction). */
  chain?: DevkitChain
}

/** The PKSA simulator. */
export interface Wallet {
  /** Connects, asks the server key and registers the accounts with a proof of key; resolves on the last `register_ack`. */
  connect(): Promise<void>
  /** "Scans" a `has://auth_req/...` link: learns the request's key and answers it once the relay forwards it. */
  scan(link: string): Promise<void>
  setDecision(decision: WalletDecision): void
  /** Requests waiting for a manual decision. */
  pending(): WalletRequest[]
  approve(uuid: string): void
  reject(uuid: string): void
  sessions(): WalletSession[]
  /** Transactions the wallet broadcast (including sign-only requests that Keychain broadcasts anyway). */
  broadcasts(): WalletBroadcast[]
  /** The simulated accounts with their public keys. */
  readonly accounts: readonly DevkitAccount[]
  close(): void
}
