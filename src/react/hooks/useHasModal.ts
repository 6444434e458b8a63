'use client'
import { useCallback, useMemo, useSyncExternalStore } from 'react'
import type { HasSession } from '../../core/types.js'
import { useHasContext } from '../context.js'

/** What useHasModal returns. */
export interface UseHasModalResult {
  /** Opens the login modal; resolves when it closes, with the session logged in meanwhile (or undefined). */
  openLogin(): Promise<HasSession | undefined>
  /** Closes it (the login modal passes the session it logged in, which `openLogin` then resolves with). */
  close(session?: HasSession): void
  isOpen: boolean
}

/**
 * The provider's one login modal, from any button or from code. It renders where a `HasLoginButton` or a
 * `HasLoginModal` is mounted (the first one; the others share it).
 */
export function useHasModal(): UseHasModalResult {
  const { modal } = useHasContext('useHasModal')
  const isOpen = useSyncExternalStore(modal.subscribe, modal.isOpen, () => false)
  const openLogin = useCallback(() => modal.open(), [modal])
  const close = useCallback((session?: HasSession) => modal.close(session), [modal])
  return useMemo(() => ({ openLogin, close, isOpen }), [openLogin, close, isOpen])
}
