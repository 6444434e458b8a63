'use client'
import { useId, useRef, useState, type ReactNode } from 'react'
import type { HasSession } from '../../core/types'
import type { RequestStatus } from '../../core/machine/request'
import { useHasAccounts, type HasAccount } from '../../react/hooks/useHasAccounts'
import { useHiveAuth } from '../../react/hooks/useHiveAuth'
import { HasQrModal, type HasQrModalProps } from '../HasQrModal/HasQrModal'
import { format } from '../i18n/en'
import { useUi, type HasUiOptions } from '../theme/HasUiProvider'
import { Avatar } from './Avatar'

/** What HasLoginButton.Custom hands its render function. */
export interface HasLoginButtonRenderProps {
  session: HasSession | undefined
  accounts: HasAccount[]
  status: RequestStatus
  /** Opens the login modal (to log in, or to add an account). */
  openModal(): void
  switchAccount(account: string): void
  logout(account?: string): void
}

/** Props of HasLoginButton. */
export interface HasLoginButtonProps extends HasUiOptions {
  className?: string
  /** Passed to the login modal. */
  modal?: Omit<HasQrModalProps, 'open' | 'defaultOpen' | 'onOpenChange'>
}

/** Logged out: "Log in with HiveAuth", opening the modal. Logged in: avatar and name, with a menu to switch, add and log out. */
export function HasLoginButton(props: HasLoginButtonProps) {
  const ui = useUi(props)
  const { labels } = ui
  const [menuOpen, setMenuOpen] = useState(false)
  const menuId = useId()
  // After a login the button that opened the modal is replaced by the account button: focus goes to whichever is there.
  const triggerRef = useRef<HTMLButtonElement>(null)
  return (
    <HasLoginButtonCustom {...props} modal={{ finalFocusRef: triggerRef, ...props.modal }}>
      {({ session, accounts, openModal, switchAccount, logout }) =>
        !session ? (
          <button
            ref={triggerRef}
            type="button"
            data-has=""
            data-has-theme={ui.theme}
            className={['has-button', 'has-button--primary', props.className].filter(Boolean).join(' ')}
            onClick={openModal}
          >
            {labels.loginButton}
          </button>
        ) : (
          // biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the account menu closes it
          <div
            data-has=""
            data-has-theme={ui.theme}
            className={['has-account', props.className].filter(Boolean).join(' ')}
            onKeyDown={(e) => e.key === 'Escape' && setMenuOpen(false)}
          >
            <button
              ref={triggerRef}
              type="button"
              className="has-button has-account__trigger"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              aria-label={`${format(labels.accountMenu, { account: session.account })}${session.verified ? ` (${labels.verified})` : ''}`}
              onClick={() => setMenuOpen((open) => !open)}
            >
              <Avatar account={session.account} urlTemplate={ui.avatarUrl} />
              <span>@{session.account}</span>
              {session.verified && (
                <span className="has-verified" title={labels.verified} aria-hidden="true">
                  ✓
                </span>
              )}
            </button>
            {menuOpen && (
              <ul id={menuId} className="has-menu">
                {accounts
                  .filter((a) => !a.current)
                  .map((a) => (
                    <li key={a.account}>
                      <button
                        type="button"
                        className="has-menu__item"
                        onClick={() => {
                          switchAccount(a.account)
                          setMenuOpen(false)
                        }}
                      >
                        <Avatar account={a.account} urlTemplate={ui.avatarUrl} />
                        {format(labels.switchTo, { account: a.account })}
                        {a.expiresSoon && <span className="has-text--muted"> ({labels.expiresSoon})</span>}
                      </button>
                    </li>
                  ))}
                <li>
                  <button
                    type="button"
                    className="has-menu__item"
                    onClick={() => {
                      setMenuOpen(false)
                      openModal()
                    }}
                  >
                    {labels.addAccount}
                  </button>
                </li>
                <li>
                  <button
                    type="button"
                    className="has-menu__item"
                    onClick={() => {
                      setMenuOpen(false)
                      logout(session.account)
                    }}
                  >
                    {labels.logout}
                  </button>
                </li>
              </ul>
            )}
          </div>
        )
      }
    </HasLoginButtonCustom>
  )
}

/** Same state and actions as HasLoginButton, rendered by your own function; the login modal comes with it. */
function HasLoginButtonCustom(props: HasLoginButtonProps & { children: (state: HasLoginButtonRenderProps) => ReactNode }) {
  const auth = useHiveAuth()
  const accounts = useHasAccounts()
  const [modalOpen, setModalOpen] = useState(false)
  return (
    <>
      {props.children({
        session: auth.session,
        accounts,
        status: auth.status,
        openModal: () => setModalOpen(true),
        switchAccount: auth.switchAccount,
        logout: auth.logout,
      })}
      <HasQrModal labels={props.labels} theme={props.theme} {...props.modal} open={modalOpen} onOpenChange={setModalOpen} />
    </>
  )
}

HasLoginButton.Custom = HasLoginButtonCustom
