'use client'
import { type KeyboardEvent, type RefObject, useEffect, useId, useRef, useState } from 'react'
import type { HasSession } from '../../core/types.js'
import type { HasAccount } from '../../react/hooks/useHasAccounts.js'
import type { ResolvedUi } from '../theme/HasUiProvider.js'
import { format } from '../i18n/format.js'
import { LazyLoaded, lazyComponent } from '../lazy/lazyComponent.js'
import { Avatar } from './Avatar.js'

/** Props of the account menu. */
export interface AccountMenuProps {
  session: HasSession
  accounts: HasAccount[]
  labels: ResolvedUi['labels']
  avatarUrl: string | false
  /** Where an account can be seen, with `{account}`; `false` shows no link. */
  explorerUrl: string | false
  className?: string
  theme: string
  onSwitch(account: string): void
  onAdd(): void
  onLogout(account?: string): void
  /** The menu's button (shared with the login button, so focus can land on whichever is shown). */
  triggerRef: RefObject<HTMLButtonElement | null>
}

// The open menu loads on first use: hovering or focusing the button starts it.
const menuList = lazyComponent(() => import('./AccountMenuList.js').then((m) => m.AccountMenuList))
const preloadMenu = () => void menuList.preload().catch(() => {})

/**
 * The logged-in button (avatar, name, and "Verified login" when it was) and its menu. The button opens it with a
 * click, Enter, Space or ArrowDown (focus on the first item) or ArrowUp (the last); a click outside closes it.
 */
export function AccountMenu(props: AccountMenuProps) {
  const { session, labels, triggerRef } = props
  const [open, setOpen] = useState<false | 'first' | 'last'>(false)
  const menuId = useId()
  const rootRef = useRef<HTMLDivElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    document.addEventListener('pointerdown', onPointer)
    return () => document.removeEventListener('pointerdown', onPointer)
  }, [open])

  const choose = (action?: () => void, keepFocus = false) => {
    setOpen(false)
    if (!keepFocus) triggerRef.current?.focus()
    action?.()
  }
  const onTriggerKey = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    event.preventDefault()
    setOpen(event.key === 'ArrowDown' ? 'first' : 'last')
  }
  return (
    <div ref={rootRef} data-has="" data-has-theme={props.theme} className={['has-account', props.className].filter(Boolean).join(' ')}>
      <button
        ref={triggerRef}
        type="button"
        className="has-button has-account__trigger"
        aria-haspopup="menu"
        aria-expanded={Boolean(open)}
        aria-controls={open ? menuId : undefined}
        // The name holds the visible text (@account); the initial and the ✓ are drawn by CSS, so they are not text.
        aria-label={`${format(labels.accountMenu, { account: session.account })}${session.verified ? ` (${labels.verified})` : ''}`}
        onClick={() => setOpen((value) => (value ? false : 'first'))}
        onKeyDown={onTriggerKey}
        onPointerEnter={preloadMenu}
        onFocus={preloadMenu}
      >
        <Avatar account={session.account} urlTemplate={props.avatarUrl} />
        <span className="has-account__name" dir="ltr">
          @{session.account}
        </span>
        {session.verified && <span className="has-verified" title={labels.verified} aria-hidden="true" />}
      </button>
      {open && (
        <LazyLoaded
          component={menuList}
          active
          props={{
            id: menuId,
            session,
            accounts: props.accounts,
            labels,
            avatarUrl: props.avatarUrl,
            explorerUrl: props.explorerUrl,
            focusFirst: open,
            triggerRef,
            choose,
            onSwitch: props.onSwitch,
            onAdd: props.onAdd,
            onLogout: props.onLogout,
          }}
        />
      )}
    </div>
  )
}
