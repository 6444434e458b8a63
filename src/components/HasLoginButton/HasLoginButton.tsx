'use client'
import { type ReactNode, useEffect, useRef, useState } from 'react'
import type { HasErrorType } from '../../core/errors/HasErrorType.js'
import type { RequestStatus } from '../../core/machine/request.js'
import type { HasSession, PendingRequest } from '../../core/types.js'
import { type HasAccount, useHasAccounts } from '../../react/hooks/useHasAccounts.js'
import { useHasClient } from '../../react/hooks/useHasClient.js'
import { useHasModal } from '../../react/hooks/useHasModal.js'
import { useHasRestoring } from '../../react/hooks/useHasRestoring.js'
import { useHiveAuth } from '../../react/hooks/useHiveAuth.js'
import { HasLoginModal, type HasLoginModalProps, preloadLoginModal } from '../HasQrModal/HasLoginModal.js'
import { format } from '../i18n/format.js'
import { type HasUiOptions, useUi } from '../theme/HasUiProvider.js'
import { AccountMenu } from './AccountMenu.js'

/** What HasLoginButton.Custom hands its render function. */
export interface HasLoginButtonRenderProps {
  session: HasSession | undefined
  accounts: HasAccount[]
  status: RequestStatus
  /** The login the wallet can see: its link and deadline. */
  pending: PendingRequest | undefined
  /** Why the latest login did not succeed. */
  error: HasErrorType | undefined
  /** Whether the login modal is open. */
  modalOpen: boolean
  /** Whether the stored sessions are still being restored (render a placeholder, not "Log in"). */
  restoring: boolean
  /** Opens the login modal (to log in, or to add an account). */
  openModal(): void
  /** Gives up the login in progress (the wallet is not told). */
  cancel(): void
  switchAccount(account: string): void
  logout(account?: string): void
  /** Opens the socket and loads the modal's code ahead of time (on hover or focus), so the QR code appears at once. */
  preconnect(): void
}

const DEFAULT_EXPLORER = 'https://hivehub.dev/@{account}'

/** Props of HasLoginButton. */
export interface HasLoginButtonProps extends HasUiOptions {
  className?: string
  /** Where the account menu's "View on block explorer" leads, with `{account}` (default hivehub.dev); `false` hides it. */
  explorerUrl?: string | false
  /** Options of the login modal (the provider's one modal: the first button mounted sets them). */
  modal?: HasLoginModalProps
}

/**
 * Logged out: "Log in with HiveAuth", opening the provider's login modal. Logged in: avatar and name, with a menu to
 * switch, add, log out and log out of all. While stored sessions are restored: a placeholder of the same size.
 */
function LoginButton(props: HasLoginButtonProps) {
  const ui = useUi(props)
  const { labels } = ui
  // The login button and the account button replace each other: focus lands on whichever is shown after a change.
  const triggerRef = useRef<HTMLButtonElement>(null)
  const focusNext = useRef(false)
  // The account logged out of while another stays: the button now shows that one, and says so to screen readers.
  const [loggedOut, setLoggedOut] = useState<string>()
  const restoringAccount = useHasRestoring().account
  return (
    <HasLoginButtonCustom {...props} modal={{ finalFocusRef: triggerRef, ...props.modal }}>
      {(state) => (
        <FocusAfterChange account={state.session?.account} pending={focusNext} target={triggerRef}>
          {state.restoring && !state.session ? (
            // Same size as the button to come, but no "Log in" yet: a returning user must not see it flash.
            <span
              data-has=""
              data-has-theme={ui.theme}
              className={['has-button', 'has-button--placeholder', props.className].filter(Boolean).join(' ')}
              data-account={restoringAccount ? '' : undefined}
              aria-busy="true"
            >
              {restoringAccount ? <span dir="ltr">@{restoringAccount}</span> : <span aria-hidden="true">{labels.loginButton}</span>}
            </span>
          ) : !state.session ? (
            <button
              ref={triggerRef}
              type="button"
              data-has=""
              data-has-theme={ui.theme}
              className={['has-button', 'has-button--primary', props.className].filter(Boolean).join(' ')}
              dir={labels.dir}
              onClick={state.openModal}
              onPointerEnter={state.preconnect}
              onFocus={state.preconnect}
            >
              {labels.loginButton}
            </button>
          ) : (
            <AccountMenu
              session={state.session}
              accounts={state.accounts}
              labels={labels}
              avatarUrl={ui.avatarUrl}
              explorerUrl={props.explorerUrl ?? DEFAULT_EXPLORER}
              theme={ui.theme}
              className={props.className}
              triggerRef={triggerRef}
              onSwitch={state.switchAccount}
              onAdd={state.openModal}
              onLogout={(account) => {
                focusNext.current = true
                setLoggedOut(account && state.accounts.length > 1 ? account : undefined)
                state.logout(account)
              }}
            />
          )}
          {loggedOut && state.session && state.session.account !== loggedOut && (
            <span data-has="" className="has-visually-hidden" role="status">
              {format(labels.switchedAfterLogout, { account: loggedOut, next: state.session.account })}
            </span>
          )}
        </FocusAfterChange>
      )}
    </HasLoginButtonCustom>
  )
}

/** After a logout, focus goes to the button now shown (the next account's, or "Log in"), never to the page. */
function FocusAfterChange(props: {
  account: string | undefined
  pending: { current: boolean }
  target: { current: HTMLElement | null }
  children: ReactNode
}) {
  const { account, pending, target } = props
  // biome-ignore lint/correctness/useExhaustiveDependencies: `account` is the trigger (the shown account changed)
  useEffect(() => {
    if (!pending.current) return
    pending.current = false
    target.current?.focus()
  }, [account])
  return props.children
}

/** Same state and actions as HasLoginButton, rendered by your own function; the provider's login modal comes with it. */
function HasLoginButtonCustom(props: HasLoginButtonProps & { children: (state: HasLoginButtonRenderProps) => ReactNode }) {
  const auth = useHiveAuth()
  const accounts = useHasAccounts()
  const modal = useHasModal()
  const client = useHasClient()
  const { restoring } = useHasRestoring()
  return (
    <>
      {props.children({
        session: auth.session,
        accounts,
        status: auth.status,
        pending: auth.pending,
        error: auth.error,
        modalOpen: modal.isOpen,
        restoring,
        openModal: () => void modal.openLogin(),
        cancel: auth.cancel,
        switchAccount: auth.switchAccount,
        logout: auth.logout,
        preconnect: () => {
          void client?.connect().catch(() => {})
          void preloadLoginModal().catch(() => {}) // the modal's code, on the same hover or focus
        },
      })}
      <HasLoginModal labels={props.labels} theme={props.theme} {...props.modal} />
    </>
  )
}

/**
 * Logged out: "Log in with HiveAuth"; logged in: the account and its menu. `HasLoginButton.Custom` renders your own
 * design with the same state. (Built with a pure `Object.assign`, so bundlers drop it when it is not imported.)
 */
export const HasLoginButton = /* @__PURE__ */ Object.assign(LoginButton, { Custom: HasLoginButtonCustom })
