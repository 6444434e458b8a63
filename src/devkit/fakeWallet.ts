/** A request a fake browser wallet shows in its window (the Keychain family's, Peak Vault's and HiveSigner's alike). */
export interface FakeWalletRequest {
  id: number
  /** `authorize`: HiveSigner's Authorize page (its login). */
  type: 'signBuffer' | 'broadcast' | 'signTx' | 'verifyKey' | 'authorize'
  account: string
  role: string
  message?: string
  operations?: unknown[]
}

/** A fake browser wallet's controls, for a test or a story. */
export interface FakeWallet<Decision extends string> {
  /** Requests waiting for the user ('manual'). */
  pending(): FakeWalletRequest[]
  approve(id: number): void
  /** Closes the window: the wallet answers with its refusal. */
  reject(id: number): void
  setDecision(decision: Decision): void
  /** Every request it received, in order. */
  readonly requests: FakeWalletRequest[]
  uninstall(): void
}
