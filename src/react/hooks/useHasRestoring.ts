'use client'
import { useHasContext } from '../context.js'

/**
 * Whether the provider is still restoring the stored sessions (on a server, and in the first render in a browser),
 * and the account a server said was logged in meanwhile: render a placeholder, not "Log in", to avoid a flash.
 */
export function useHasRestoring(): { restoring: boolean; account: string | undefined } {
  const { client, initialAccount } = useHasContext('useHasRestoring')
  return { restoring: client === null, account: client === null ? initialAccount : undefined }
}
