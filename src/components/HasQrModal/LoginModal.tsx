'use client'
import { useEffect, useRef } from 'react'
import type { HasConfig } from '../../react/hooks/useHasConfig.js'
import type { UseHasModalResult } from '../../react/hooks/useHasModal.js'
import type { ResolvedUi } from '../theme/HasUiProvider.js'
import { type HasQrModalProps, QrModal } from './QrModal.js'

/** Props of HasLoginModal: everything of HasQrModal but its open state, which the provider owns. */
export type HasLoginModalProps = Omit<HasQrModalProps, 'open' | 'defaultOpen' | 'onOpenChange'>

/**
 * The provider's one login modal, opened by any HasLoginButton or by `useHasModal().openLogin()`. Mount it once where
 * no HasLoginButton is (a button brings one along); when several are mounted, the first renders and the others wait.
 */
export function LoginModal({
  modal,
  isHost,
  ...props
}: HasLoginModalProps & { ui: ResolvedUi; config: HasConfig; modal: UseHasModalResult; isHost: boolean }) {
  // The modal store and the host election come from HasLoginModal: hooks a lazy part imports would join the first load.
  // A ref, not state: the modal closes in the same tick as the login lands, and `openLogin()` must resolve with it.
  const session = useRef<Parameters<NonNullable<HasQrModalProps['onLogin']>>[0]>(undefined)
  useEffect(() => {
    if (modal.isOpen) session.current = undefined
  }, [modal.isOpen])
  if (!isHost) return null
  return (
    <QrModal
      {...props}
      open={modal.isOpen}
      onLogin={(s) => {
        session.current = s
        props.onLogin?.(s)
      }}
      onOpenChange={(open) => {
        if (!open) modal.close(session.current)
      }}
    />
  )
}
