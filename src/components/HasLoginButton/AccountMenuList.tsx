'use client'
import { type KeyboardEvent, type RefObject, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { HasSession } from '../../core/types.js'
import type { HasAccount } from '../../react/hooks/useHasAccounts.js'
import { completeLabels } from '../i18n/completeLabels.js'
import type { ResolvedUi } from '../theme/HasUiProvider.js'
import { format } from '../i18n/format.js'
import { Avatar } from './Avatar.js'
import '../firstLoadShared.js'

/** Props of the open account menu. */
export interface AccountMenuListProps {
  id: string
  session: HasSession
  accounts: HasAccount[]
  labels: ResolvedUi['labels']
  avatarUrl: string | false
  /** Where an account can be seen, with `{account}`; `false` shows no link. */
  explorerUrl: string | false
  /** Which item takes focus when the menu opens (the last one after ArrowUp on the button). */
  focusFirst: 'first' | 'last'
  /** The menu's button: the menu opens on the side of it that keeps the menu inside the viewport. */
  triggerRef: RefObject<HTMLButtonElement | null>
  /** Closes the menu, then runs the action (focus returns to the button unless `keepFocus`). */
  choose(action?: () => void, keepFocus?: boolean): void
  onSwitch(account: string): void
  onAdd(): void
  onLogout(account?: string): void
}

const items = (root: HTMLElement | null) => [...(root?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])]

/**
 * The account menu as a WAI-ARIA menu: who is logged in (and whether the login was verified, in words), then switch,
 * add, copy the name, view on an explorer, log out. Arrow keys, Home and End move between items; Escape closes it and
 * returns to the button; Tab closes it and moves on.
 */
export function AccountMenuList(props: AccountMenuListProps) {
  const { session, choose } = props
  const labels = completeLabels(props.labels)
  const [copied, setCopied] = useState(false)
  const others = props.accounts.filter((a) => !a.current)
  const explorer = props.explorerUrl ? props.explorerUrl.replace('{account}', encodeURIComponent(session.account)) : undefined
  const copiedTimer = useRef<ReturnType<typeof setTimeout>>(undefined)
  const listRef = useRef<HTMLDivElement>(null)
  const [align, setAlign] = useState<'end' | 'start'>('end')
  const { triggerRef } = props
  const menuName = `${format(labels.accountMenu, { account: session.account })}${session.verified ? ` (${labels.verified})` : ''}`

  // Open towards the side with room: a menu aligned to the button's end would leave the viewport near its start edge.
  useLayoutEffect(() => {
    if (!listRef.current || !triggerRef.current) return
    const trigger = triggerRef.current.getBoundingClientRect()
    const rtl = getComputedStyle(triggerRef.current).direction === 'rtl'
    const roomAtEnd = rtl ? window.innerWidth - trigger.left : trigger.right
    setAlign(roomAtEnd >= listRef.current.offsetWidth ? 'end' : 'start')
  }, [triggerRef])

  useEffect(() => {
    const list = items(listRef.current)
    ;(props.focusFirst === 'last' ? list.at(-1) : list[0])?.focus()
    return () => clearTimeout(copiedTimer.current)
  }, [props.focusFirst])

  const onKeyDown = (event: KeyboardEvent) => {
    const list = items(listRef.current)
    const at = list.indexOf(document.activeElement as HTMLElement)
    const move = (to: number) => {
      event.preventDefault()
      list[(to + list.length) % list.length]?.focus()
    }
    if (event.key === 'ArrowDown') move(at + 1)
    else if (event.key === 'ArrowUp') move(at - 1)
    else if (event.key === 'Home') move(0)
    else if (event.key === 'End') move(list.length - 1)
    else if (event.key === 'Escape') {
      event.preventDefault()
      choose()
    } else if (event.key === 'Tab') choose(undefined, true)
  }

  const copy = () => {
    void navigator.clipboard?.writeText(session.account).then(() => {
      setCopied(true)
      clearTimeout(copiedTimer.current)
      copiedTimer.current = setTimeout(() => setCopied(false), 2000)
    })
  }

  return (
    <div ref={listRef} className="has-menu" data-align={align}>
      {/* Shown for the eye; screen readers hear the same from the menu's name (and the button's). */}
      <p className="has-menu__who" aria-hidden="true">
        <span dir="ltr">@{session.account}</span>
        {session.verified && <span className="has-menu__verified">✓ {labels.verified}</span>}
      </p>
      <div id={props.id} role="menu" aria-label={menuName} className="has-menu__list" onKeyDown={onKeyDown}>
        {others.map((a) => (
          <button
            key={a.account}
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="has-menu__item"
            onClick={() => choose(() => props.onSwitch(a.account))}
          >
            <Avatar account={a.account} urlTemplate={props.avatarUrl} />
            {format(labels.switchTo, { account: a.account })}
            {a.expiresSoon && <span className="has-text--muted"> ({labels.expiresSoon})</span>}
          </button>
        ))}
        <button type="button" role="menuitem" tabIndex={-1} className="has-menu__item" onClick={() => choose(props.onAdd, true)}>
          {labels.addAccount}
        </button>

        <button type="button" role="menuitem" tabIndex={-1} className="has-menu__item" onClick={copy}>
          {copied ? labels.copiedValue : labels.copyAccountName}
        </button>

        {explorer && (
          <a
            role="menuitem"
            tabIndex={-1}
            className="has-menu__item"
            href={explorer}
            target="_blank"
            rel="noopener noreferrer"
            onClick={() => choose()}
          >
            {labels.viewAccountOnExplorer}
          </a>
        )}
        <button
          type="button"
          role="menuitem"
          tabIndex={-1}
          className="has-menu__item"
          onClick={() => choose(() => props.onLogout(session.account), true)}
        >
          {format(labels.logoutOf, { account: session.account })}
        </button>

        {others.length > 0 && (
          <button type="button" role="menuitem" tabIndex={-1} className="has-menu__item" onClick={() => choose(() => props.onLogout(), true)}>
            {labels.logoutAll}
          </button>
        )}
      </div>
      <span className="has-visually-hidden" aria-live="polite">
        {copied ? labels.copiedValue : ''}
      </span>
    </div>
  )
}
