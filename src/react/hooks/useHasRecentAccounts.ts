'use client'
import { useHasState } from './useHasState.js'

/** Accounts logged in before on this device, most recent first (names only): one-tap choices for a login form. */
export function useHasRecentAccounts(): readonly string[] {
  return useHasState((s) => s.recent)
}
