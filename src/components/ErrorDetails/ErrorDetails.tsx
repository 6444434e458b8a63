'use client'
import type { HasError } from '../../core/errors/HasError'
import type { HasLabels } from '../i18n/en'

/**
 * An error's details. Text the wallet or the relay wrote is shown as their quote, under who said it, never in the
 * dApp's own voice; the kit's own details are shown as muted text.
 */
export function ErrorDetails({ error, labels }: { error: HasError; labels: HasLabels }) {
  if (!error.details) return null
  if (!error.detailsSource) return <p className="has-text has-text--muted">{error.details}</p>
  return (
    <figure className="has-quote" data-source={error.detailsSource}>
      <figcaption className="has-quote__source">{error.detailsSource === 'wallet' ? labels.walletSaid : labels.relaySaid}</figcaption>
      <blockquote className="has-quote__text">{error.details}</blockquote>
    </figure>
  )
}
