import type { MutationOptions } from '@tanstack/react-query'
import type { SignParameters, SignResult } from '../core/actions/sign'
import type { HasClient } from '../core/client/createHasClient'
import type { SessionRequestErrorType } from './errorTypes'
import type { RequestMutationOptions } from './requestOptions'
import { resolveAccount } from './resolveAccount'

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
