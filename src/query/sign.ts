import type { MutationOptions } from '@tanstack/react-query'
import { type SignErrorType, type SignParameters, type SignReturnType, sign } from '../core/actions/sign.js'
import type { HasClient } from '../core/client/createHasClient.js'
import type { RequestMutationOptions } from './requestOptions.js'
import { resolveAccount } from './resolveAccount.js'

/** Variables of a sign mutation: like SignParameters, with the current account as the default. */
export type SignVariables = Omit<SignParameters, 'account'> & { account?: string }

/** TanStack mutation options that ask the wallet to sign (and broadcast) operations (`sign`). */
export function signMutationOptions(client: HasClient, options: RequestMutationOptions = {}) {
  return {
    mutationKey: ['hive-auth', 'sign'],
    mutationFn: (variables: SignVariables) => {
      const request = sign(client, { ...variables, account: resolveAccount(client, variables.account) })
      options.onRequest?.(request.id)
      return request
    },
  } as const satisfies MutationOptions<SignReturnType, SignErrorType, SignVariables>
}
