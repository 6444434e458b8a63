'use client'
import { useEffect, useId, useRef, type ReactNode } from 'react'
import type { HasTheme } from '../theme/HasUiProvider'

/** Props of the internal modal dialog. */
export interface DialogProps {
  open: boolean
  /** Asked to close: Escape, the close button, or a click on the backdrop. */
  onClose(): void
  title: ReactNode
  theme: HasTheme
  status?: string
  className?: string
  closeLabel: string
  children: ReactNode
}

/**
 * A modal `<dialog>` opened with showModal(): the browser traps focus and makes the page inert. Escape and the
 * backdrop ask to close; focus returns to whatever had it before.
 */
export function Dialog({ open, onClose, title, theme, status, className, closeLabel, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const returnFocus = useRef<Element | null>(null)
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    returnFocus.current = document.activeElement
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal()
    } else {
      dialog.setAttribute('open', '') // environments without showModal (older browsers, jsdom)
    }
    const onCancel = (event: Event) => {
      event.preventDefault() // the app decides: closing may cancel a request
      onCloseRef.current()
    }
    dialog.addEventListener('cancel', onCancel)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      if (typeof dialog.close === 'function' && dialog.open) dialog.close()
      else dialog.removeAttribute('open')
      const target = returnFocus.current
      if (target instanceof HTMLElement && target.isConnected) target.focus()
    }
  }, [open])

  if (!open) return null
  return (
    <dialog
      ref={ref}
      data-has=""
      data-has-theme={theme}
      data-status={status}
      className={['has-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onClose()
        }
      }}
      onClick={(event) => {
        if (event.target === ref.current) onClose() // a click on the backdrop
      }}
    >
      <div className="has-dialog__panel">
        <header className="has-dialog__header">
          <h2 id={titleId} className="has-dialog__title">
            {title}
          </h2>
          <button type="button" className="has-icon-button" aria-label={closeLabel} onClick={onClose}>
            <span aria-hidden="true">×</span>
          </button>
        </header>
        {children}
      </div>
    </dialog>
  )
}
