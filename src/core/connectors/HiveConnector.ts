import type { AuthenticateParameters } from '../actions/authenticate.js'
import type { HiveOperation, SignResult } from '../actions/sign.js'
import type { KeyType } from '../protocol/constants.js'
import type { HasApp, HasSession } from '../types.js'

/**
 * How a wallet is reached: the HAS relay (QR code, `has://` link), an API a browser extension injects into the page, or
 * a web wallet's own site in a window (HiveSigner).
 */
export type ConnectorKind = 'relay' | 'injected' | 'redirect'

/** What a wallet can do, as a UI shows it and the client routes by it. */
export interface ConnectorFeatures {
  /**
   * What its login proves: a signed Sign in with Hive message (verifiable on chain, bound to this site and a nonce), or
   * a HiveSigner token (the account's key authorised your app at a time: no site, no nonce, so never `verified`).
   */
  login: 'hive:secp256k1-sha256' | 'hivesigner:token'
  /** Signs a transaction without broadcasting it. */
  signOnly: boolean
  /** Decrypts a memo (a challenge with `decrypt: true`). */
  decrypt: boolean
}

/**
 * A wallet the kit can log in with: a descriptor of a few bytes on the first load; the wallet's code comes from `load()`
 * on first use. `defineConnector` types your own.
 */
export interface HiveConnector {
  /** Stored with the sessions it makes: keep it stable (`keychain`, `hiveauth`). */
  readonly id: string
  /** Shown to users. */
  readonly name: string
  readonly kind: ConnectorKind
  /** Its id in `window.hive.providers` (the Hive Unified Wallet Protocol draft), e.g. `com.hivekeychain`. */
  readonly rdns?: string
  readonly features: ConnectorFeatures
  /** How long one request may wait for the user in the wallet (ms; default 120 000). */
  readonly timeoutMs?: number
  /** Where to get it, for users who do not have it. */
  readonly downloadUrls?: Readonly<Partial<Record<'web' | 'chrome' | 'firefox' | 'ios' | 'android', string>>>
  /** Whether the wallet is there now (cheap and synchronous; asked again whenever a UI opens: extensions inject late). */
  installed(): boolean
  /** The wallet's code, loaded on first use. */
  load(): Promise<ConnectorImpl>
  /**
   * Runs when a login starts, still inside the user's click (a browser opens windows only then), before `load()`
   * resolves, given the login's parameters; what it returns reaches the login as `ctx.prepared` (HiveSigner's window).
   */
  prepare?(login: AuthenticateParameters): unknown
}

/** What the client hands each call of a connector. */
export interface ConnectorContext {
  /** Your dApp (some wallets show its name as the request's title). */
  app: HasApp
  /** Aborts when the request is cancelled or expires: stop waiting (no wallet API can take a request back). */
  signal: AbortSignal
  /** The wallet shows the request now: the UI says where to look until it answers. */
  waiting(): void
  /** What the connector's `prepare()` returned when this login started. */
  prepared?: unknown
}

/** What a wallet signed for a login, and with which key. */
export interface LoginSignature {
  publicKey: string
  signature: string
  /**
   * For a wallet that signs a text of its own instead of the message (HiveSigner's token): that text, the credential the
   * session keeps for later requests, and when the wallet stops honouring it (ms epoch).
   */
  signed?: { message: string; token: string; expire: number }
}

/** The lazily loaded part of a connector. Each method resolves, or rejects with a HasError (rejected, failed, expired). */
export interface ConnectorImpl {
  /** Signs `message` (a Sign in with Hive message) with the account's key of `keyType`. */
  login(ctx: ConnectorContext, params: { account: string; message: string; keyType: KeyType }): Promise<LoginSignature>
  /** Signs and broadcasts operations (or only signs, with `broadcast: false`). */
  sign(
    ctx: ConnectorContext,
    session: HasSession,
    params: { keyType: 'posting' | 'active'; ops: HiveOperation[]; broadcast: boolean },
  ): Promise<SignResult>
  /** Signs `message` with the account's key of `keyType`. */
  challenge(ctx: ConnectorContext, session: HasSession, params: { keyType: KeyType; message: string }): Promise<LoginSignature>
  /** Signs a transaction the kit built, without broadcasting it, where the wallet can (`requestSignTx`): the signed transaction. */
  signTransaction?(
    ctx: ConnectorContext,
    session: HasSession,
    params: { keyType: 'posting' | 'active'; tx: Record<string, unknown> },
  ): Promise<unknown>
  /** Decrypts a memo (`#…`) with the account's key of `keyType`, where the wallet can: the text, without its `#`. */
  decrypt?(ctx: ConnectorContext, session: HasSession, params: { keyType: KeyType; message: string }): Promise<string>
}
