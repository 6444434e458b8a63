import type { MutationOptions } from '@tanstack/react-query'
import type { AuthenticateParameters } from '../core/actions/authenticate'
import type { HasClient } from '../core/client/createHasClient'
import type { HasSession } from '../core/types'
import type { AuthenticateErrorType } from './errorTypes'

/** TanStack mutation options that log an account in through its wallet. */
export function authenticateMutationOptions(client: HasClient) {
  return {
    mutationKey: ['hive-auth', 'authenticate'],
    mutationFn: (variables: AuthenticateParameters) => client.authenticate(variables),
  } satisfies MutationOptions<HasSession, AuthenticateErrorType, AuthenticateParameters>
}
