'use client'
import { cleanAccountName } from '../../core/protocol/accountName.js'
import type { HasSession } from '../../core/types.js'
import { useHasState } from './useHasState.js'

/** The session of an account (named as anywhere in the kit: `Alice`, `@alice`), or of the current account. */
export function useHasSession(account?: string): HasSession | undefined {
  return useHasState((s) => (account === undefined ? s.sessions[0] : s.sessions.find((x) => x.account === cleanAccountName(account))))
}
