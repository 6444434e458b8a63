'use client'
import type { SignErrorType, SignReturnType } from '../../core/actions/sign.js'
import { type SignVariables, signMutationOptions } from '../../query/sign.js'
import { type UseRequestParameters, type UseRequestResult, useRequestMutation } from './useRequestMutation.js'

/** Parameters of useHasSign: TanStack mutation options (`onSuccess`, `onError`, …). */
export type UseHasSignParameters = UseRequestParameters<SignReturnType, SignErrorType, SignVariables>

/** What useHasSign returns: a TanStack mutation (`sign` / `signAsync` are its `mutate` / `mutateAsync`) and its request id. */
export type UseHasSignResult = UseRequestResult<SignReturnType, SignErrorType, SignVariables> & {
  /** Starts a sign request (TanStack's `mutate`). */
  sign: UseRequestResult<SignReturnType, SignErrorType, SignVariables>['mutate']
  /** Starts a sign request and returns its promise (TanStack's `mutateAsync`). */
  signAsync: UseRequestResult<SignReturnType, SignErrorType, SignVariables>['mutateAsync']
}

/** Asks the wallet to sign (and broadcast) operations with the current account, or the one named in the variables. */
export function useHasSign(parameters: UseHasSignParameters = {}): UseHasSignResult {
  const { adopt: _adopt, ...result } = useRequestMutation('useHasSign', signMutationOptions, parameters)
  return { ...result, sign: result.mutate, signAsync: result.mutateAsync }
}
