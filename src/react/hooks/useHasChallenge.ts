'use client'
import type { ChallengeErrorType, ChallengeReturnType } from '../../core/actions/challenge.js'
import { type ChallengeVariables, challengeMutationOptions } from '../../query/challenge.js'
import { type UseRequestParameters, type UseRequestResult, useRequestMutation } from './useRequestMutation.js'

/** Parameters of useHasChallenge: TanStack mutation options (`onSuccess`, `onError`, …). */
export type UseHasChallengeParameters = UseRequestParameters<ChallengeReturnType, ChallengeErrorType, ChallengeVariables>

type Mutation = UseRequestResult<ChallengeReturnType, ChallengeErrorType, ChallengeVariables>

/** What useHasChallenge returns: a TanStack mutation (`challenge` / `challengeAsync` are its `mutate` / `mutateAsync`). */
export type UseHasChallengeResult = Mutation & {
  /** Starts a challenge (TanStack's `mutate`). */
  challenge: Mutation['mutate']
  /** Starts a challenge and returns its promise (TanStack's `mutateAsync`). */
  challengeAsync: Mutation['mutateAsync']
}

/** Asks the wallet to sign a message (or decrypt a memo) with the current account, or the one named. */
export function useHasChallenge(parameters: UseHasChallengeParameters = {}): UseHasChallengeResult {
  const { adopt: _adopt, ...result } = useRequestMutation('useHasChallenge', challengeMutationOptions, parameters)
  return { ...result, challenge: result.mutate, challengeAsync: result.mutateAsync }
}
