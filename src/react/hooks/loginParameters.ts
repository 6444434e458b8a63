import type { AuthenticateParameters } from '../../core/actions/authenticate.js'
import { createLoginMessage } from '../../core/chain/loginMessage.js'
import type { HasContextValue } from '../context.js'

/**
 * What a login sends, given the provider's verification: with an auth adapter, a message carrying the server's nonce
 * to sign in the same round trip, and the server's verdict before the login counts; with `verify`, the on-chain check.
 */
export async function loginParameters(
  account: string,
  options: Omit<AuthenticateParameters, 'account'>,
  context: HasContextValue,
): Promise<AuthenticateParameters> {
  const { auth } = context
  if (!auth) return { verify: context.verify || undefined, ...options, account }
  const nonce = await auth.getNonce()
  const { domain, uri } = page()
  const message =
    (await auth.createMessage?.({ account, nonce, domain, uri })) ??
    createLoginMessage({ domain, account, uri, nonce, statement: `Log in to ${context.appName.replace(/\s+/g, ' ').trim()}.` })
  return {
    verify: context.verify || undefined,
    ...options,
    account,
    challenge: { keyType: 'posting', message },
    verifyLogin: ({ message: signed, signature }) => auth.verify(signed, signature),
  }
}

function page(): { domain: string; uri: string } {
  const location = typeof window === 'undefined' ? undefined : window.location
  const domain = location?.host || 'localhost'
  return { domain, uri: location?.origin?.startsWith('http') ? `${location.origin}/` : `https://${domain}/` }
}
