'use client'
import type { HasClient } from '../../core/client/createHasClient'
import { useHasContext } from '../context'

/** The provider's HiveAuth client, or null before it has mounted (and always on a server). */
export function useHasClient(): HasClient | null {
  return useHasContext('useHasClient').client
}
