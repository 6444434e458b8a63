'use client'
import { useMutation, type UseMutationResult } from '@tanstack/react-query'
import type { SignResult } from '../../core/actions/sign'
import type { SessionRequestErrorType } from '../../query/errorTypes'
import { signMutationOptions, type SignVariables } from '../../query/sign'
import { useHasContext } from '../context'
import { notReadyOptions } from './notReady'

/** What useHasSign returns: a TanStack mutation. */
export type UseHasSignResult = UseMutationResult<SignResult, SessionRequestErrorType, SignVariables>

/** Asks the wallet to sign (and broadcast) operations with the current account, or the one named in the variables. */
export function useHasSign(): UseHasSignResult {
  const { client, queryClient } = useHasContext('useHasSign')
  return useMutation<SignResult, SessionRequestErrorType, SignVariables>(client ? signMutationOptions(client) : notReadyOptions('sign'), queryClient)
}
