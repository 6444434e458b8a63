'use client'
import { useHasConfig } from '../../react/hooks/useHasConfig.js'
import { useHasModal } from '../../react/hooks/useHasModal.js'
import { useHasModalHost } from '../../react/hooks/useHasModalHost.js'
import { offerInjectedWallets } from '../injectedWallets.js'
import { LazyLoaded, lazyComponent } from '../lazy/lazyComponent.js'
import { useUi } from '../theme/HasUiProvider.js'
import type { HasLoginModalProps } from './LoginModal.js'

export type { HasLoginModalProps } from './LoginModal.js'

const modal = lazyComponent(() => import('./LoginModal.js').then((m) => m.LoginModal))

/** The modal's code, loaded on first use (`loaded()` says whether it is yet). */
export const loginModalCode = modal

/** Starts loading the provider's login modal (HasLoginButton does on hover and focus, with the socket's preconnect). */
export const preloadLoginModal = modal.preload

/**
 * The provider's one login modal, opened by any HasLoginButton or by `useHasModal().openLogin()`. Mount it once where
 * no HasLoginButton is (a button brings one along); when several are mounted, the first renders and the others wait.
 * Its code loads on first use.
 */
export function HasLoginModal(props: HasLoginModalProps) {
  const store = useHasModal()
  const isHost = useHasModalHost()
  offerInjectedWallets() // before the provider's client is created (its effect runs after this render)
  const ui = useUi(props)
  const config = useHasConfig()
  return <LazyLoaded component={modal} active={store.isOpen} props={{ ...props, ui, modal: store, isHost, config }} />
}
