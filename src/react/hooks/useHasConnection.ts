'use client'
import type { HasClientState } from '../../core/types.js'
import { useHasState } from './useHasState.js'

/** The socket: status (`idle`, `connecting`, `connected`, `reconnecting`, `disconnected`, `closed`), relay and protocol. */
export function useHasConnection(): HasClientState['connection'] {
  return useHasState((s) => s.connection)
}
