'use client'
import { useEffect, useId, useRef, type ReactNode, type RefObject } from 'react'
import type { HasTheme } from '../theme/HasUiProvider.js'
import { trapTab } from './trapTab.js'

/** Props of the internal modal dialog. */
export interface DialogProps {
  open: boolean
  /** Asked to close: Escape, the close button, or a click on the backdrop. */
  onClose(): void
  title: ReactNode
  theme: HasTheme
  status?: string
  /** Changes when the content is swapped: focus then goes to the new step's preferred control (or its first). */
  step?: string
  className?: string
  /** Where focus goes on close, if not back to where it was (e.g. the opener was replaced meanwhile). */
  finalFocusRef?: RefObject<HTMLElement | null>
  closeLabel: string
  /** Text direction of the labels (`rtl` for Arabic, Hebrew…). */
  dir?: 'ltr' | 'rtl'
  /** Escape was pressed: `event.preventDefault()` keeps the dialog open. */
  onEscapeKeyDown?: (event: KeyboardEvent) => void
  /** The backdrop was clicked: `event.preventDefault()` keeps the dialog open. */
  onInteractOutside?: (event: MouseEvent) => void
  children: ReactNode
}

/**
 * A modal `<dialog>` opened with showModal(): the page behind is inert and Tab cycles inside. Escape and the
 * backdrop ask to close; focus returns to whatever had it before (or to `finalFocusRef`).
 */
export function Dialog({ open, onClose, title, theme, status, step, className, finalFocusRef, closeLabel, dir, children, ...veto }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const returnFocus = useRef<Element | null>(null)
  // Captured while rendering the opening, before anything inside the dialog can take focus.
  if (!open) returnFocus.current = null
  else if (!returnFocus.current && typeof document !== 'undefined') returnFocus.current = document.activeElement
  const onCloseRef = useRef(onClose)
  onCloseRef.current = onClose
  const vetoRef = useRef(veto)
  vetoRef.current = veto
  const finalFocus = useRef(finalFocusRef)
  finalFocus.current = finalFocusRef

  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) return
    const focusOnClose = returnFocus.current
    if (typeof dialog.showModal === 'function') {
      if (!dialog.open) dialog.showModal()
    } else {
      dialog.setAttribute('open', '') // environments without showModal (older browsers, jsdom)
    }
    const closeOnEscape = (event: KeyboardEvent) => {
      vetoRef.current.onEscapeKeyDown?.(event)
      if (!event.defaultPrevented) onCloseRef.current()
    }
    let escapeSeen = false
    const onCancel = (event: Event) => {
      event.preventDefault() // the app decides: closing may cancel a request
      // The browser's own cancel (Escape our key handler did not see, e.g. with nothing focused).
      if (!escapeSeen) closeOnEscape(new KeyboardEvent('keydown', { key: 'Escape', cancelable: true }))
      escapeSeen = false
    }
    // Native, not React's onKeyDown: it also sees keys from content portalled into the dialog.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        escapeSeen = true
        queueMicrotask(() => (escapeSeen = false))
        closeOnEscape(event)
        event.preventDefault()
      } else trapTab(dialog, event)
    }
    dialog.addEventListener('cancel', onCancel)
    dialog.addEventListener('keydown', onKeyDown)
    return () => {
      dialog.removeEventListener('cancel', onCancel)
      dialog.removeEventListener('keydown', onKeyDown)
      if (typeof dialog.close === 'function' && dialog.open) dialog.close()
      else dialog.removeAttribute('open')
      const target = finalFocus.current?.current ?? focusOnClose
      if (target instanceof HTMLElement && target.isConnected) target.focus()
    }
  }, [open])

  // After opening and at each step: the step's preferred control (data-has-autofocus) takes focus, else its first
  // control unless focus is already in the step. (React's autoFocus would fire before showModal, on a hidden dialog.)
  // A new step takes focus after it is painted: focus() forces a layout, which must not delay the QR code's first frame.
  const opened = useRef(false)
  // biome-ignore lint/correctness/useExhaustiveDependencies: `step` is the trigger: each new step's content gets focus
  useEffect(() => {
    const dialog = ref.current
    if (!dialog || !open) {
      opened.current = false
      return
    }
    const focusStep = () => {
      const preferred = dialog.querySelector<HTMLElement>('[data-has-autofocus]')
      if (preferred) return preferred.focus()
      if (document.activeElement?.closest('.has-step') && dialog.contains(document.activeElement)) return
      dialog.querySelector<HTMLElement>('.has-step :is(input, a[href]:not([href^="has:"]), button)')?.focus()
    }
    if (!opened.current || typeof requestAnimationFrame !== 'function') {
      opened.current = true
      return focusStep()
    }
    let timer: ReturnType<typeof setTimeout> | undefined
    const frame = requestAnimationFrame(() => (timer = setTimeout(focusStep)))
    return () => {
      cancelAnimationFrame(frame)
      clearTimeout(timer)
    }
  }, [open, step])

  if (!open) return null
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: a click on the backdrop; the keyboard closes with Escape
    <dialog
      ref={ref}
      data-has=""
      data-has-theme={theme}
      data-status={status}
      dir={dir}
      className={['has-dialog', className].filter(Boolean).join(' ')}
      aria-labelledby={titleId}
      onClick={(event) => {
        if (event.target !== ref.current) return // a click on the backdrop lands on the dialog itself
        vetoRef.current.onInteractOutside?.(event.nativeEvent)
        if (!event.nativeEvent.defaultPrevented) onClose()
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
