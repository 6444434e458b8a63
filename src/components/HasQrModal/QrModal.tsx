'use client'
import { type ReactNode, type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { isLiveStatus } from '../../core/machine/request.js'
import type { HasConfig } from '../../react/hooks/useHasConfig.js'
import type { HasSession } from '../../core/types.js'
import { useHasClient } from '../../react/hooks/useHasClient.js'
import { useHasRecentAccounts } from '../../react/hooks/useHasRecentAccounts.js'
import { type LoginOptions, useHiveAuth } from '../../react/hooks/useHiveAuth.js'
import { Dialog } from '../Dialog/Dialog.js'
import { completeLabels } from '../i18n/completeLabels.js'
import type { HasUiOptions, ResolvedUi } from '../theme/HasUiProvider.js'
import { AccountForm } from './AccountForm.js'
import { Busy } from './Busy.js'
import { useLoginAttempts } from './useLoginAttempts.js'
import { useShownAfter } from './useShownAfter.js'
import { HelpStep } from './HelpStep.js'
import { InjectedWaitingStep } from './InjectedWaitingStep.js'
import { ResultStep } from './ResultStep.js'
import { useAccountCheck } from './useAccountCheck.js'
import { useWalletList } from './useWalletList.js'
import { WaitingStep } from './WaitingStep.js'
import { walletChoices } from './walletChoices.js'
import { WalletStep } from './WalletStep.js'
import { DEFAULT_WALLETS, type WalletLink } from './wallets.js'
import '../firstLoadShared.js'

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
  /** Keep a "Logged in" step after an approved login (by default the modal closes by itself). */
  keepSuccessStep?: boolean
  /** When a QR code expires unanswered, show a new one by itself, at most this many times (`true`: twice). */
  autoRenew?: boolean | number
  /** An image for the centre of the QR code (your app's logo); the code then uses error correction level M to stay scannable. */
  qrLogo?: string
  /** Wallet apps offered to someone who has none (default: Hive Keychain and the HiveAuth app). */
  wallets?: readonly WalletLink[]
  /** A login started in this modal succeeded. */
  onLogin?: (session: HasSession) => void
  /** Escape was pressed: `event.preventDefault()` keeps the modal open. */
  onEscapeKeyDown?: (event: KeyboardEvent) => void
  /** The backdrop was clicked: `event.preventDefault()` keeps the modal open. */
  onInteractOutside?: (event: MouseEvent) => void
}

type View = 'form' | 'help' | 'request'
/** How long the account form may wait for the QR code before a spinner replaces it. */
const BUSY_DELAY_MS = 300

/**
 * The login dialog: account (with the accounts used before) → QR code, link, countdown, Back → closes on approval, or
 * shows the outcome with "Try again". Closing it while a request waits cancels that request. Opening it opens the
 * socket, so the QR code appears at once. Its root carries the request state as `data-status`.
 */
/** The modal itself, loaded on first use by HasQrModal (which resolves its labels and theme: `ui`). */
export function QrModal(props: HasQrModalProps & { ui: ResolvedUi; config: HasConfig }) {
  const { theme } = props.ui
  const labels = useMemo(() => completeLabels(props.ui.labels), [props.ui.labels])
  const auth = useHiveAuth()
  const client = useHasClient()
  const recent = useHasRecentAccounts()
  const [uncontrolledOpen, setUncontrolledOpen] = useState(props.defaultOpen ?? false)
  const open = props.open ?? uncontrolledOpen
  const [view, setView] = useState<View>('form')
  const [typed, setTyped] = useState(props.account)
  // With a wallet besides HiveAuth installed (or one that needs no install), the login starts by choosing one.
  const [picked, setPicked] = useState<string>()
  const connectors = useWalletList(props.config.connectors, open && picked === undefined)
  const lastUsed = auth.session ? (auth.session.connector ?? 'hiveauth') : undefined
  const verifying = Boolean(props.loginOptions?.verify || props.loginOptions?.verifyLogin || props.config.verifiesLogins)
  const choices = walletChoices(connectors, lastUsed, inKeychainApp(), verifying)
  const choosing = choices.list.length > 1
  const renewals = useRef(0)
  const live = isLiveStatus(auth.status)
  const { open: controlled, onOpenChange, onLogin, keepSuccessStep } = props

  const setOpen = useCallback(
    (next: boolean) => {
      if (controlled === undefined) setUncontrolledOpen(next)
      onOpenChange?.(next)
    },
    [controlled, onOpenChange],
  )
  const [unknownAccount, setUnknownAccount] = useState<string>()
  const { starting, follow, abandon } = useLoginAttempts(live, (session) => {
    onLogin?.(session)
    setTyped(props.account) // the next login ("Add account") starts from an empty field, not the account just added
    if (keepSuccessStep) return
    setView('form')
    setOpen(false)
  })
  const accountCheck = useAccountCheck(props.config.chain, (account) => {
    back()
    setUnknownAccount(account) // the form says so; the QR code of a login no wallet can approve is gone
  })
  const start = (account: string) => {
    renewals.current = 0
    setUnknownAccount(undefined)
    accountCheck.check(account)
    const connector = picked && picked !== 'hiveauth' ? { connector: picked } : {}
    follow(auth.login(account, { ...props.loginOptions, ...connector })) // its frame leaves now, before React renders anything
    setTyped(account)
    setView('request')
  }
  /** Back to the account form: the login in progress is given up (the wallet is not told: HAS has no cancel). */
  const back = () => {
    accountCheck.forget()
    abandon()
    if (live) auth.cancel()
    setView('form')
  }
  const close = () => {
    back()
    setPicked(undefined)
    setOpen(false)
  }

  useEffect(() => {
    if (open) void client?.connect().catch(() => {}) // preconnect: the socket is ready before the name is typed
  }, [open, client])

  // An expired QR code renews by itself when asked, a bounded number of times.
  const maxRenewals = props.autoRenew === true ? 2 : typeof props.autoRenew === 'number' ? props.autoRenew : 0
  const { retry } = auth
  useEffect(() => {
    if (view !== 'request' || auth.status !== 'expired' || renewals.current >= maxRenewals) return
    renewals.current++
    follow(retry())
  }, [view, auth.status, maxRenewals, retry, follow])

  // Until the relay hands out the request's id the form stays as it is (busy); a spinner only if that takes a while.
  const beforeQr = view === 'request' && ((starting && !live) || auth.status === 'connecting' || auth.status === 'requesting')
  const slow = useShownAfter(beforeQr, BUSY_DELAY_MS)

  let body: ReactNode
  let step: string
  if (view === 'help') {
    step = 'help'
    body = <HelpStep labels={labels} wallets={props.wallets ?? DEFAULT_WALLETS} onBack={() => setView('form')} />
  } else if (view === 'form' && choosing && picked === undefined) {
    step = 'wallets'
    body = <WalletStep labels={labels} choices={choices} lastUsed={lastUsed} onPick={setPicked} onHelp={() => setView('help')} />
  } else if (view === 'form' || auth.status === 'idle' || (beforeQr && !slow)) {
    step = 'account'
    body = (
      <AccountForm
        labels={labels}
        initial={typed}
        recent={recent.filter((account) => !auth.accounts.includes(account))} // "Add account" offers no account already in
        busy={beforeQr}
        onSubmit={start}
        unknown={unknownAccount}
        onHelp={() => setView('help')}
        onBack={choosing ? () => setPicked(undefined) : undefined}
      />
    )
  } else if (beforeQr) {
    step = 'connecting'
    body = <Busy text={labels.connecting} skeleton />
  } else if (auth.pending?.connector && auth.status === 'waiting') {
    step = 'waiting'
    const wallet = connectors.find((c) => c.id === auth.pending?.connector)
    body = (
      <InjectedWaitingStep
        pending={auth.pending}
        wallet={wallet?.name ?? auth.pending.connector}
        web={wallet?.kind === 'redirect'}
        labels={labels}
        onBack={back}
        onCancel={() => auth.cancel()}
      />
    )
  } else if (auth.pending && (auth.status === 'waiting' || auth.status === 'reconnecting')) {
    step = 'waiting'
    body = (
      <WaitingStep
        pending={auth.pending}
        labels={labels}
        reconnecting={auth.status === 'reconnecting'}
        qrLogo={props.qrLogo}
        onBack={back}
        onCancel={() => auth.cancel()}
      />
    )
  } else if (live) {
    step = auth.status === 'verifying' ? 'verifying' : 'connecting'
    body = <Busy text={auth.status === 'verifying' ? labels.verifying : labels.connecting} />
  } else {
    step = 'result'
    body = (
      <ResultStep
        status={auth.status as 'approved'}
        account={auth.account ?? auth.session?.account}
        verified={auth.status === 'approved' && auth.session?.verified === true}
        error={auth.error}
        labels={labels}
        onRetry={() => follow(auth.retry())}
        onOtherAccount={() => setView('form')}
        onDone={close}
      />
    )
  }

  return (
    <Dialog
      open={open}
      onClose={close}
      title={choosing && picked !== 'hiveauth' ? labels.modalTitleWallets : labels.modalTitle}
      theme={theme}
      dir={labels.dir}
      status={view === 'request' ? auth.status : 'idle'}
      step={step}
      className={props.className}
      finalFocusRef={props.finalFocusRef}
      closeLabel={labels.close}
      onEscapeKeyDown={props.onEscapeKeyDown}
      onInteractOutside={props.onInteractOutside}
    >
      {body}
    </Dialog>
  )
}

/** Keychain Mobile's in-app browser: its Keychain comes first there. */
function inKeychainApp(): boolean {
  return typeof window !== 'undefined' && 'ReactNativeWebView' in window && 'hive_keychain' in window
}
