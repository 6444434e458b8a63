'use client'
import type { SignResult } from '../../core/actions/sign.js'
import type { SessionRequestErrorType } from '../../query/errorTypes.js'
import { type SignVariables, signMutationOptions } from '../../query/sign.js'
import { type UseRequestParameters, type UseRequestResult, useRequestMutation } from './useRequestMutation.js'

/** Parameters of useHasSign: TanStack mutation options (`onSuccess`, `onError`, …). */
export type UseHasSignParameters = UseRequestParameters<SignResult, SessionRequestErrorType, SignVariables>

/** What useHasSign returns: a TanStack mutation and the id of the request it started. */
export type UseHasSignResult = UseRequestResult<SignResult, SessionRequestErrorType, SignVariables>

/** Asks the wallet to sign (and broadcast) operations with the current account, or the one named in the variables. */
export function useHasSign(parameters: UseHasSignParameters = {}): UseHasSignResult {
  const { adopt: _adopt, ...result } = useRequestMutation('useHasSign', signMutationOptions, parameters)
  return result
}
