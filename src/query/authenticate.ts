import type { MutationOptions } from '@tanstack/react-query'
import { type AuthenticateErrorType, type AuthenticateParameters, type AuthenticateReturnType, authenticate } from '../core/actions/authenticate.js'
import type { HasClient } from '../core/client/createHasClient.js'
import type { HasRequest } from '../core/types.js'
import type { RequestMutationOptions } from './requestOptions.js'

/** TanStack mutation options that log an account in through its wallet (`authenticate`). */
export function authenticateMutationOptions(client: HasClient, options: RequestMutationOptions = {}) {
  return {
    mutationKey: ['hive-auth', 'authenticate'],
    mutationFn: (variables: AuthenticateParameters) => {
      const request = (options.started?.(variables) as HasRequest<AuthenticateReturnType> | undefined) ?? authenticate(client, variables)
      options.onRequest?.(request.id)
      return request
    },
  } as const satisfies MutationOptions<AuthenticateReturnType, AuthenticateErrorType, AuthenticateParameters>
}
