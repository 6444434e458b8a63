'use client'
import type { ChallengeResult, DecryptResult } from '../../core/actions/challenge.js'
import { type ChallengeVariables, challengeMutationOptions } from '../../query/challenge.js'
import type { SessionRequestErrorType } from '../../query/errorTypes.js'
import { type UseRequestParameters, type UseRequestResult, useRequestMutation } from './useRequestMutation.js'

/** Parameters of useHasChallenge: TanStack mutation options (`onSuccess`, `onError`, …). */
export type UseHasChallengeParameters = UseRequestParameters<ChallengeResult | DecryptResult, SessionRequestErrorType, ChallengeVariables>

/** What useHasChallenge returns: a TanStack mutation and the id of the request it started. */
export type UseHasChallengeResult = UseRequestResult<ChallengeResult | DecryptResult, SessionRequestErrorType, ChallengeVariables>

/** Asks the wallet to sign a message (or decrypt a memo) with the current account, or the one named. */
export function useHasChallenge(parameters: UseHasChallengeParameters = {}): UseHasChallengeResult {
  const { adopt: _adopt, ...result } = useRequestMutation('useHasChallenge', challengeMutationOptions, parameters)
  return result
}
