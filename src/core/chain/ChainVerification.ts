/** Why a signature or a login did not verify: one code per reason, for a server to log or branch on. */
export type VerificationFailure =
  /** The message is not a well-formed Sign in with Hive message (`reason` says where). */
  | 'malformed_message'
  /** It names another domain than the ones allowed. */
  | 'domain'
  /** It names another URI than the one expected. */
  | 'uri'
  /** It carries another nonce than the one issued, or one already used or never issued. */
  | 'nonce'
  /** It names another chain. */
  | 'chain_id'
  /** Its Expiration Time has passed, or (with none) it is older than the maximum age. */
  | 'expired'
  /** Its Not Before time has not come, or it was issued in the future. */
  | 'not_yet_valid'
  /** The signature is malformed or not in its canonical form. */
  | 'malformed_signature'
  /** The account name is not a valid Hive account name, or the key type is unknown. */
  | 'invalid_account'
  /** The account does not exist on chain. */
  | 'unknown_account'
  /** The signing key is not one of the account's keys for this role (or it cannot sign alone). */
  | 'key_not_authorized'
  /** The Hive API nodes asked gave different answers: nothing is believed. */
  | 'nodes_disagree'
  /** The server runs as many verifications as its limit allows (verifyLogin with `limit`): try again shortly. */
  | 'busy'

/** What a verification found: whether the signature proves the account, the key that signed, and why not. */
export interface ChainVerification {
  valid: boolean
  /** The key that signed (`STM…`), when the signature could be read. */
  publicKey?: string
  /** Why not, as a code. */
  code?: VerificationFailure
  /** Why not, in English (for logs; never shown to users as the dApp's words). */
  reason?: string
}
