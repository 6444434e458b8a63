'use client'
import { type ReactNode, type RefObject, useCallback, useState } from 'react'
import type { LoginOptions } from '../../react/hooks/useHiveAuth'
import { useHiveAuth } from '../../react/hooks/useHiveAuth'
import { Dialog } from '../Dialog/Dialog'
import { useUi, type HasUiOptions } from '../theme/HasUiProvider'
import { AccountForm } from './AccountForm'
import { ResultStep } from './ResultStep'
import { WaitingStep } from './WaitingStep'

/** Props of HasQrModal. */
export interface HasQrModalProps extends HasUiOptions {
  /** Controlled open state; leave undefined to let the modal manage it. */
  open?: boolean
  defaultOpen?: boolean
  onOpenChange?: (open: boolean) => void
  /** Prefills the account field. */
  account?: string
  /** Login options (e.g. a challenge to sign) for every login the modal starts. */
  loginOptions?: Omit<LoginOptions, 'onWait' | 'signal'>
  className?: string
  /** Where focus goes when the modal closes (default: back to what had it before it opened). */
  finalFocusRef?: RefObject<HTMLElement | null>
}

/**
 * The login dialog: account name → QR code, deep link, copy, countdown → the outcome, with "Try again".
 * Closing it while a request waits cancels that request. Its root carries the request state as `data-status`.
 */
export function HasQrModal(props: HasQrModalProps) {
  const { labels, theme } = useUi(props)
  const auth = useHiveAuth()
  const [uncontrolledOpen, setUncontrolledOpen] = useState(props.defaultOpen ?? false)
  const open = props.open ?? uncontrolledOpen
  const [started, setStarted] = useState(false)
  const live = ['connecting', 'requesting', 'waiting', 'reconnecting', 'verifying'].includes(auth.status)

  const setOpen = useCallback(
    (next: boolean) => {
      if (props.open === undefined) setUncontrolledOpen(next)
      props.onOpenChange?.(next)
    },
    [props.open, props.onOpenChange],
  )
  const close = () => {
    if (live) auth.cancel()
    setStarted(false)
    setOpen(false)
  }
  const start = (account: string) => {
    setStarted(true)
    void auth.login(account, props.loginOptions)
  }

  const showRequest = started || live
  let body: ReactNode
  let step = 'result'
  if (!showRequest || auth.status === 'idle') {
    step = 'account'
    body = <AccountForm labels={labels} initial={props.account} onSubmit={start} />
  } else if (auth.pending && (auth.status === 'waiting' || auth.status === 'reconnecting')) {
    step = 'waiting'
    body = <WaitingStep pending={auth.pending} labels={labels} reconnecting={auth.status === 'reconnecting'} onCancel={() => auth.cancel()} />
  } else if (live) {
    step = auth.status === 'verifying' ? 'verifying' : 'connecting'
    body = (
      <p className="has-step has-text" role="status">
        <span className="has-spinner" aria-hidden="true" /> {auth.status === 'verifying' ? labels.verifying : labels.connecting}
      </p>
    )
  } else
    body = (
      <ResultStep
        status={auth.status as 'approved'}
        account={auth.account ?? auth.session?.account}
        error={auth.error}
        labels={labels}
        onRetry={() => void auth.retry()}
        onOtherAccount={() => setStarted(false)}
        onDone={close}
      />
    )

  return (
    <Dialog
      open={open}
      onClose={close}
      title={labels.modalTitle}
      theme={theme}
      status={showRequest ? auth.status : 'idle'}
      step={step}
      className={props.className}
      finalFocusRef={props.finalFocusRef}
      closeLabel={labels.close}
    >
      {body}
    </Dialog>
  )
}
