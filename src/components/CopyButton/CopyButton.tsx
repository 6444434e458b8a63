'use client'
import { useCopy } from './useCopy.js'

/**
 * A Copy button: it says `copiedLabel` for two seconds after a copy, and announces it to screen readers. `name`, when
 * given, is appended to its accessible name ("Copy: Signature"), for pages with several.
 */
export function CopyButton(props: { text: string; label: string; copiedLabel: string; name?: string }) {
  const { copied, copy } = useCopy()
  const shown = copied ? props.copiedLabel : props.label
  return (
    <>
      <button type="button" className="has-button" aria-label={props.name ? `${shown}: ${props.name}` : undefined} onClick={() => copy(props.text)}>
        {shown}
      </button>
      <span className="has-visually-hidden" aria-live="polite">
        {copied ? props.copiedLabel : ''}
      </span>
    </>
  )
}
