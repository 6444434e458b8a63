'use client'
import type { HasClient } from '../../core/client/createHasClient.js'
import { useHasContext } from '../context.js'

/** The provider's HiveAuth client, or null before it has mounted (and always on a server). */
export function useHasClient(): HasClient | null {
  return useHasContext('useHasClient').client
}
