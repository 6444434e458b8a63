import type { MutationOptions } from '@tanstack/react-query'
import type { SignParameters, SignResult } from '../core/actions/sign'
import type { HasClient } from '../core/client/createHasClient'
import type { SessionRequestErrorType } from './errorTypes'
import { resolveAccount } from './resolveAccount'

/** Variables of a sign mutation: like SignParameters, with the current account as the default. */
export type SignVariables = Omit<SignParameters, 'account'> & { account?: string }

/** TanStack mutation options that ask the wallet to sign (and broadcast) operations. */
export function signMutationOptions(client: HasClient) {
  return {
    mutationKey: ['hive-auth', 'sign'],
    mutationFn: async (variables: SignVariables) => client.sign({ ...variables, account: resolveAccount(client, variables.account) }),
  } satisfies MutationOptions<SignResult, SessionRequestErrorType, SignVariables>
}
