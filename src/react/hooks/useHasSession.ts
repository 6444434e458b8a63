'use client'
import type { HasSession } from '../../core/types.js'
import { useHasState } from './useHasState.js'

/** The session of an account, or of the current account. */
export function useHasSession(account?: string): HasSession | undefined {
  return useHasState((s) => (account ? s.sessions.find((x) => x.account === account.toLowerCase()) : s.sessions[0]))
}
