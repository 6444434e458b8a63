import type { MutationOptions } from '@tanstack/react-query'
import type { ChallengeParameters, ChallengeResult, DecryptResult } from '../core/actions/challenge'
import type { HasClient } from '../core/client/createHasClient'
import type { SessionRequestErrorType } from './errorTypes'
import { resolveAccount } from './resolveAccount'

/** Variables of a challenge mutation: like ChallengeParameters, with the current account as the default. */
export type ChallengeVariables = Omit<ChallengeParameters, 'account'> & { account?: string }

/** TanStack mutation options that ask the wallet to sign a message (or decrypt a memo with `decrypt: true`). */
export function challengeMutationOptions(client: HasClient) {
  return {
    mutationKey: ['hive-auth', 'challenge'],
    mutationFn: async (variables: ChallengeVariables): Promise<ChallengeResult | DecryptResult> => {
      const account = resolveAccount(client, variables.account)
      return variables.decrypt
        ? client.challenge({ ...variables, account, decrypt: true })
        : client.challenge({ ...variables, account, decrypt: false })
    },
  } satisfies MutationOptions<ChallengeResult | DecryptResult, SessionRequestErrorType, ChallengeVariables>
}
