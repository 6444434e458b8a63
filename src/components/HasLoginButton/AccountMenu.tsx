'use client'
import { type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from 'react'
import type { HasSession } from '../../core/types.js'
import type { HasAccount } from '../../react/hooks/useHasAccounts.js'
import type { HasUiLabels } from '../i18n/enUi.js'
import { format } from '../i18n/format.js'
import { Avatar } from './Avatar.js'

/** Props of the account menu. */
export interface AccountMenuProps {
  session: HasSession
  accounts: HasAccount[]
  labels: HasUiLabels
  avatarUrl: string | false
  className?: string
  theme: string
  onSwitch(account: string): void
  onAdd(): void
  onLogout(account?: string): void
  /** The menu's button (shared with the login button, so focus can land on whichever is shown). */
  triggerRef: RefObject<HTMLButtonElement | null>
}

/**
 * The logged-in button and its menu: switch, add, log out, log out of all. The menu closes on Escape and on a click
 * outside, opens on the side of the button that keeps it inside the viewport, and keeps focus on something sensible.
 */
export function AccountMenu(props: AccountMenuProps) {
  const { session, accounts, labels } = props
  const [open, setOpen] = useState(false)
  const [align, setAlign] = useState<'end' | 'start'>('end')
  const menuId = useId()
  const rootRef = useRef<HTMLDivElement>(null)
  const { triggerRef } = props
  const menuRef = useRef<HTMLUListElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false)
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return
      setOpen(false)
      triggerRef.current?.focus()
    }
    document.addEventListener('pointerdown', onPointer)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onPointer)
      document.removeEventListener('keydown', onKey)
    }
  }, [open, triggerRef])

  // Open towards the side with room: a menu aligned to the button's end would leave the viewport near its start edge.
  useLayoutEffect(() => {
    if (!open || !menuRef.current || !triggerRef.current) return
    const trigger = triggerRef.current.getBoundingClientRect()
    const width = menuRef.current.offsetWidth
    const rtl = getComputedStyle(triggerRef.current).direction === 'rtl'
    const roomAtEnd = rtl ? window.innerWidth - trigger.left : trigger.right
    setAlign(roomAtEnd >= width ? 'end' : 'start')
  }, [open, triggerRef])

  const others = accounts.filter((a) => !a.current)
  const choose = (action: () => void) => {
    setOpen(false)
    action()
  }
  return (
    <div ref={rootRef} data-has="" data-has-theme={props.theme} className={['has-account', props.className].filter(Boolean).join(' ')}>
      <button
        ref={triggerRef}
        type="button"
        className="has-button has-account__trigger"
        aria-haspopup="true"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`${format(labels.accountMenu, { account: session.account })}${session.verified ? ` (${labels.verified})` : ''}`}
        onClick={() => setOpen((value) => !value)}
      >
        <Avatar account={session.account} urlTemplate={props.avatarUrl} />
        <span className="has-account__name" dir="ltr">
          @{session.account}
        </span>
        {session.verified && (
          <span className="has-verified" title={labels.verified} aria-hidden="true">
            ✓
          </span>
        )}
      </button>
      {open && (
        <ul ref={menuRef} id={menuId} className="has-menu" data-align={align}>
          {others.map((a) => (
            <li key={a.account}>
              <button type="button" className="has-menu__item" onClick={() => choose(() => props.onSwitch(a.account))}>
                <Avatar account={a.account} urlTemplate={props.avatarUrl} />
                {format(labels.switchTo, { account: a.account })}
                {a.expiresSoon && <span className="has-text--muted"> ({labels.expiresSoon})</span>}
              </button>
            </li>
          ))}
          <li>
            <button type="button" className="has-menu__item" onClick={() => choose(props.onAdd)}>
              {labels.addAccount}
            </button>
          </li>
          <li>
            <button type="button" className="has-menu__item" onClick={() => choose(() => props.onLogout(session.account))}>
              {format(labels.logoutOf, { account: session.account })}
            </button>
          </li>
          {others.length > 0 && (
            <li>
              <button type="button" className="has-menu__item" onClick={() => choose(() => props.onLogout())}>
                {labels.logoutAll}
              </button>
            </li>
          )}
        </ul>
      )}
    </div>
  )
}
