import type { LoginVerdict } from '../core/actions/authenticate.js'

/** Where a login stands with your server (or with the chain, when the provider verifies there). */
export type HasAuthStatus = 'unauthenticated' | 'loading' | 'authenticated'

/**
 * Connects logins to your server, as RainbowKit's authentication adapter does: each login signs a message carrying your
 * server's nonce in the same round trip (HiveAuth's challenge), and counts only once your server accepted it.
 */
export interface HasAuthAdapter {
  /** A fresh nonce from your server (at least 8 letters and digits). */
  getNonce(): Promise<string>
  /** The message to sign (default: a Sign in with Hive message for this page; `scheme` is set on pages not served over https). May be async. */
  createMessage?(args: { account: string; nonce: string; domain: string; uri: string; scheme?: string }): string | Promise<string>
  /**
   * Sends the message and its signature to your server, which verifies them (verifyLogin); true when it logged in,
   * else false, or why not (`{ verified: false, code, reason }`: the user then reads the real cause).
   */
  verify(message: string, signature: string): Promise<boolean | LoginVerdict>
  /** Ends the server session; called on logout. */
  signOut(): Promise<void>
  /** What your app knows of the server session (say, from a cookie it read): wins over what the kit derives. */
  status?: HasAuthStatus
}
