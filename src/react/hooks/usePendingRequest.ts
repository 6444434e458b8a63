'use client'
import type { PendingRequest } from '../../core/types'
import type { RequestKind } from '../../core/protocol/messages'
import { useHasState } from './useHasState'

/** The newest request the wallet can see (optionally of one kind): what a UI needs to show the link and countdown. */
export function usePendingRequest(kind?: RequestKind): PendingRequest | undefined {
  return useHasState((s) => s.requests.filter((r) => r.pending && (!kind || r.kind === kind)).at(-1)?.pending)
}
