'use client'
import type { RequestKind } from '../../core/protocol/messages.js'
import type { PendingRequest } from '../../core/types.js'
import { useHasState } from './useHasState.js'

/**
 * What a UI needs to show a request the wallet can see (link, deadline): pass a mutation's `{ requestId }` for that
 * request, or a kind (or nothing) for the newest one the wallet can see.
 */
export function usePendingRequest(which?: RequestKind | { requestId: number | undefined }): PendingRequest | undefined {
  return useHasState((s) => {
    if (typeof which === 'object') return which.requestId === undefined ? undefined : s.requests.find((r) => r.id === which.requestId)?.pending
    return s.requests.filter((r) => r.pending && (!which || r.kind === which)).at(-1)?.pending
  })
}
