import type { MutationOptions } from '@tanstack/react-query'
import type { AuthenticateParameters } from '../core/actions/authenticate'
import type { HasClient } from '../core/client/createHasClient'
import type { HasSession } from '../core/types'
import type { AuthenticateErrorType } from './errorTypes'
import type { RequestMutationOptions } from './requestOptions'

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
