/** The signature module, fetched on first use: its curve and hashes stay out of the bundle of a dApp that never needs them. */
export type SignatureModule = typeof import('./signatures.js')

let loading: Promise<SignatureModule> | undefined

/** Loads the signature module once; a failed load is retried on the next call. */
export function loadSignatures(): Promise<SignatureModule> {
  loading ??= import('./signatures.js').catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
