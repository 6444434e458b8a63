'use client'
import { useHasConfig } from '../../react/hooks/useHasConfig.js'
import { offerInjectedWallets } from '../injectedWallets.js'
import { LazyLoaded, lazyComponent } from '../lazy/lazyComponent.js'
import { useUi } from '../theme/HasUiProvider.js'
import type { HasQrModalProps } from './QrModal.js'

export type { HasQrModalProps } from './QrModal.js'

const modal = lazyComponent(() => import('./QrModal.js').then((m) => m.QrModal))

/** Starts loading the login modal's code (it loads by itself when first opened; call this on hover or focus). */
export const preloadQrModal = modal.preload

/**
 * The login dialog: account (with the accounts used before) → QR code, link, countdown, Back → closes on approval, or
 * shows the outcome with "Try again". Closing it while a request waits cancels that request. Opening it opens the
 * socket, so the QR code appears at once. Its root carries the request state as `data-status`. Its code (and the QR
 * encoder's) loads when it first opens.
 */
export function HasQrModal(props: HasQrModalProps) {
  offerInjectedWallets() // before the provider's client is created (its effect runs after this render)
  const ui = useUi(props)
  const config = useHasConfig()
  return <LazyLoaded component={modal} active={Boolean(props.open ?? props.defaultOpen)} props={{ ...props, ui, config }} />
}
