import { HasConnectionError } from '../../core/errors/HasConnectionError'

/** Mutation options used before the provider has mounted: any call fails with a clear, retryable error. */
export function notReadyOptions(name: string) {
  return {
    mutationKey: ['hive-auth', name],
    mutationFn: async (): Promise<never> => {
      throw new HasConnectionError('HiveAuth is still starting; try again in a moment.')
    },
  }
}
