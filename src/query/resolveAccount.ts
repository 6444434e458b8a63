import type { HasClient } from '../core/client/createHasClient.js'
import { HasNotAuthenticatedError } from '../core/errors/HasNotAuthenticatedError.js'

/** The named account, or the current one; HasNotAuthenticatedError when nobody is logged in. */
export function resolveAccount(client: HasClient, account: string | undefined): string {
  // The unfiltered list, so that an expired current session yields HasSessionExpiredError from the client.
  const resolved = account ?? client.getState().sessions[0]?.account
  if (!resolved) throw new HasNotAuthenticatedError('Log in before signing.')
  return resolved
}
