import type { MutationOptions } from '@tanstack/react-query'
import type { SignParameters, SignResult } from '../core/actions/sign.js'
import type { HasClient } from '../core/client/createHasClient.js'
import type { SessionRequestErrorType } from './errorTypes.js'
import type { RequestMutationOptions } from './requestOptions.js'
import { resolveAccount } from './resolveAccount.js'

/** Variables of a sign mutation: like SignParameters, with the current account as the default. */
export type SignVariables = Omit<SignParameters, 'account'> & { account?: string }

/** TanStack mutation options that ask the wallet to sign (and broadcast) operations. */
export function signMutationOptions(client: HasClient, options: RequestMutationOptions = {}) {
  return {
    mutationKey: ['hive-auth', 'sign'],
    mutationFn: (variables: SignVariables) => {
      const request = client.sign({ ...variables, account: resolveAccount(client, variables.account) })
      options.onRequest?.(request.id)
      return request
    },
  } satisfies MutationOptions<SignResult, SessionRequestErrorType, SignVariables>
}
