import type { MutationOptions } from '@tanstack/react-query'
import { type ChallengeErrorType, type ChallengeParameters, type ChallengeReturnType, challenge } from '../core/actions/challenge.js'
import type { HasClient } from '../core/client/createHasClient.js'
import type { RequestMutationOptions } from './requestOptions.js'
import { resolveAccount } from './resolveAccount.js'

/** Variables of a challenge mutation: like ChallengeParameters, with the current account as the default. */
export type ChallengeVariables = Omit<ChallengeParameters, 'account'> & { account?: string }

/** TanStack mutation options that ask the wallet to sign a message, or decrypt a memo with `decrypt: true` (`challenge`). */
export function challengeMutationOptions(client: HasClient, options: RequestMutationOptions = {}) {
  return {
    mutationKey: ['hive-auth', 'challenge'],
    mutationFn: (variables: ChallengeVariables) => {
      const request = challenge(client, { ...variables, account: resolveAccount(client, variables.account) })
      options.onRequest?.(request.id)
      return request
    },
  } as const satisfies MutationOptions<ChallengeReturnType, ChallengeErrorType, ChallengeVariables>
}
