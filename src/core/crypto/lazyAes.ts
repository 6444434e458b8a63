/** The AES module (crypto-js), fetched on first use: a page that never starts a request never downloads it. */
export type AesModule = typeof import('./aes.js')

let loaded: AesModule | undefined
let loading: Promise<AesModule> | undefined

/** Loads the AES module once (a request, or the hover that preconnects, asks first); a failed load is retried next time. */
export function loadAes(): Promise<AesModule> {
  loading ??= import('./aes.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined
      throw error
    },
  )
  return loading
}

/** The AES module if it has loaded, so a request can leave in the call that starts it. */
export const loadedAes = (): AesModule | undefined => loaded
