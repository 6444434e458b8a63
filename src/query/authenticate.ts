import type { MutationOptions } from '@tanstack/react-query'
import type { AuthenticateParameters } from '../core/actions/authenticate.js'
import type { HasClient } from '../core/client/createHasClient.js'
import type { HasSession } from '../core/types.js'
import type { AuthenticateErrorType } from './errorTypes.js'
import type { RequestMutationOptions } from './requestOptions.js'

/** TanStack mutation options that log an account in through its wallet. */
export function authenticateMutationOptions(client: HasClient, options: RequestMutationOptions = {}) {
  return {
    mutationKey: ['hive-auth', 'authenticate'],
    mutationFn: (variables: AuthenticateParameters) => {
      const request = client.authenticate(variables)
      options.onRequest?.(request.id)
      return request
    },
  } satisfies MutationOptions<HasSession, AuthenticateErrorType, AuthenticateParameters>
}
