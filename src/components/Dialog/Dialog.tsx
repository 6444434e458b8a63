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
  /** Changes when the content is swapped; focus then moves into the dialog if it was lost with the old content. */
  step?: string
  className?: string
  closeLabel: string
  children: ReactNode
}

/**
 * A modal `<dialog>` opened with showModal(): the browser traps focus and makes the page inert. Escape and the
 * backdrop ask to close; focus returns to whatever had it before.
 */
export function Dialog({ open, onClose, title, theme, status, step, className, closeLabel, children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const returnFocus = useRef<Element | null>(null)
  // Captured while rendering the opening: by the time effects run, autoFocus inside the dialog has already moved focus.
  if (!open) returnFocus.current = null
  else if (!returnFocus.current && typeof document !== 'undefined') returnFocus.current = document.activeElement
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    const focusOnClose = returnFocus.current
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
      if (focusOnClose instanceof HTMLElement && focusOnClose.isConnected) focusOnClose.focus()
    }
  }, [open])

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open || dialog.contains(document.activeElement)) return
    const target = dialog.querySelector<HTMLElement>('.has-step :is(input, a[href], button)') ?? dialog.querySelector<HTMLElement>('.has-dialog__panel')
    target?.focus()
  }, [open, step])

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
      <div className="has-dialog__panel" tabIndex={-1}>
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
