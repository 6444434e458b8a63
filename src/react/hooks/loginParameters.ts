import type { AuthenticateParameters } from '../../core/actions/authenticate.js'
import { defaultLoginMessage, pageOrigin } from '../../core/chain/defaultLoginMessage.js'
import type { HasContextValue } from '../context.js'

/**
 * What a login sends, given the provider's verification: with an auth adapter, a message carrying the server's nonce
 * to sign in the same round trip, and the server's verdict before the login counts; with `verify`, the on-chain check.
 */
export function loginParameters(
  account: string,
  options: Omit<AuthenticateParameters, 'account'>,
  context: HasContextValue,
): AuthenticateParameters | Promise<AuthenticateParameters> {
  const { auth } = context
  if (!auth) return { verify: context.verify || undefined, ...options, account }
  return withServerNonce(auth, account, options, context)
}

/** The login your server will verify: a message carrying its nonce, signed in the login's round trip. */
async function withServerNonce(
  auth: NonNullable<HasContextValue['auth']>,
  account: string,
  options: Omit<AuthenticateParameters, 'account'>,
  context: HasContextValue,
): Promise<AuthenticateParameters> {
  const nonce = await auth.getNonce()
  const message = (await auth.createMessage?.({ account, nonce, ...pageOrigin() })) ?? defaultLoginMessage(context.appName, account, nonce)
  return {
    verify: context.verify || undefined,
    ...options,
    account,
    challenge: { keyType: 'posting', message },
    verifyLogin: ({ message: signed, signature }) => auth.verify(signed, signature),
  }
}
