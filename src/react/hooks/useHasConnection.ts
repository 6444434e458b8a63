'use client'
import type { HasClientState } from '../../core/types'
import { useHasState } from './useHasState'

/** The socket: status (`idle`, `connecting`, `connected`, `reconnecting`, `disconnected`, `closed`), relay and protocol. */
export function useHasConnection(): HasClientState['connection'] {
  return useHasState((s) => s.connection)
}
