'use client'
import { useId } from 'react'
import type { HasUiLabels } from '../i18n/enUi.js'
import { CopyButton } from '../CopyButton/CopyButton.js'

/** A labelled value that wraps inside its box (a signature, a transaction id), with Copy and an optional link. */
export function CopyValue(props: { label: string; value: string; labels: HasUiLabels; href?: string; hrefLabel?: string }) {
  const { labels } = props
  const id = useId()
  return (
    <figure className="has-value" aria-labelledby={id}>
      <figcaption id={id} className="has-label">
        {props.label}
      </figcaption>
      <code className="has-value__text" dir="ltr">
        {props.value}
      </code>
      <div className="has-actions">
        <CopyButton text={props.value} label={labels.copy} copiedLabel={labels.copiedValue} name={props.label} />
        {props.href && (
          <a className="has-button has-button--quiet" href={props.href} target="_blank" rel="noopener noreferrer">
            {props.hrefLabel}
          </a>
        )}
      </div>
    </figure>
  )
}
