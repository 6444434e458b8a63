'use client'
import { type MutationOptions, type UseMutationOptions, type UseMutationResult, useMutation } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { HasClient } from '../../core/client/createHasClient.js'
import { HasConnectionError } from '../../core/errors/HasConnectionError.js'
import type { HasClientState, HasRequest } from '../../core/types.js'
import type { RequestMutationOptions } from '../../query/requestOptions.js'
import { useHasContext } from '../context.js'
import { useHasState } from './useHasState.js'

/** Parameters every request hook takes, as wagmi's hooks do: TanStack mutation options such as `onSuccess`. */
export interface UseRequestParameters<Data, Error, Variables> {
  mutation?: Omit<UseMutationOptions<Data, Error, Variables>, 'mutationFn' | 'mutationKey'>
}

/** A TanStack mutation that also knows the id of the request it started last. */
export type UseRequestResult<Data, Error, Variables> = UseMutationResult<Data, Error, Variables> & {
  /** The id of the request this mutation started last (see `HasClientState.requests`). */
  requestId: number | undefined
  /**
   * What the wallet returned for that request after it was cancelled here (a txid: the transaction was signed, and
   * broadcast when asked), though the mutation failed with `cancelled`. Tell the user: see `HasSignPrompt`.
   */
  lateResult: Data | undefined
}

/** Runs a mutation-options factory on the provider's client and keeps the id of each request it starts. */
export function useRequestMutation<Data, Error, Variables>(
  hook: string,
  factory: (client: HasClient, options: RequestMutationOptions) => MutationOptions<Data, Error, Variables>,
  parameters: UseRequestParameters<Data, Error, Variables>,
): UseRequestResult<Data, Error, Variables> & { adopt(id: number): void; startWith(variables: object, request: HasRequest<unknown>): void } {
  const { client, queryClient } = useHasContext(hook)
  const [requestId, setRequestId] = useState<number>()
  const lateResult = useHasState((s) => lateResultOf(s, requestId)) as Data | undefined
  // Keyed by the variables each mutation runs with: two calls in one task (a double click) each follow their own.
  const [started] = useState(() => new WeakMap<object, HasRequest<unknown>>())
  const take = (variables: object) => {
    const request = started.get(variables)
    started.delete(variables)
    return request
  }
  const options = client ? factory(client, { onRequest: setRequestId, started: take }) : notReady<Data, Variables>(hook)
  // As wagmi's hooks do: the app's options first, the action's key and function last (they cannot be replaced).
  const mutation = useMutation<Data, Error, Variables>(
    { ...parameters.mutation, ...options } as UseMutationOptions<Data, Error, Variables>,
    queryClient,
  )
  // startWith: the mutation run with `variables` follows a request already started (its frame left before React
  // rendered anything).
  const startWith = useCallback(
    (variables: object, request: HasRequest<unknown>) => {
      started.set(variables, request)
    },
    [started],
  )
  return { ...mutation, requestId, lateResult, adopt: setRequestId, startWith }
}

/** The result of request `id` if its wallet approved it after it was cancelled here. */
function lateResultOf(state: HasClientState, id: number | undefined): unknown {
  return id === undefined ? undefined : Object.values(state.last).find((settled) => settled?.id === id && settled.late)?.result
}

/** Before the provider has mounted, any call fails with a clear, retryable error. */
function notReady<Data, Variables>(hook: string): MutationOptions<Data, never, Variables> {
  return {
    mutationKey: ['hive-auth', hook],
    mutationFn: async () => {
      throw new HasConnectionError('HiveAuth is still starting; try again in a moment.')
    },
  }
}
