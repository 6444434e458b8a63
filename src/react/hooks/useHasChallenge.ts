'use client'
import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import type { ChallengeResult, DecryptResult } from '../../core/actions/challenge'
import { challengeMutationOptions, type ChallengeVariables } from '../../query/challenge'
import type { SessionRequestErrorType } from '../../query/errorTypes'
import { useHasContext } from '../context'
import { notReadyOptions } from './notReady'

/** What useHasChallenge returns: a TanStack mutation. */
export type UseHasChallengeResult = UseMutationResult<ChallengeResult | DecryptResult, SessionRequestErrorType, ChallengeVariables>

/** Asks the wallet to sign a message (or decrypt a memo) with the current account, or the one named. */
export function useHasChallenge(): UseHasChallengeResult {
  const { client, queryClient } = useHasContext('useHasChallenge')
  return useMutation<ChallengeResult | DecryptResult, SessionRequestErrorType, ChallengeVariables>(
    client ? challengeMutationOptions(client) : notReadyOptions('challenge'),
    queryClient,
  )
}
