'use client'
import type { HasError } from '../../core/errors/HasError.js'
import type { HasUiLabels } from '../i18n/enUi.js'

/**
 * Text the wallet or the relay wrote, shown as their quote under who said it, never in the dApp's own voice. The kit's
 * own details are English for developers (they stay on the error, for logs and `onError`), so they are not shown.
 */
export function ErrorDetails({ error, labels }: { error: HasError; labels: HasUiLabels }) {
  if (!error.details || !error.detailsSource) return null
  return (
    <figure className="has-quote" data-source={error.detailsSource}>
      <figcaption className="has-quote__source">
        {error.detailsSource === 'wallet' ? labels.walletSaid : error.detailsSource === 'server' ? labels.serverSaid : labels.relaySaid}
      </figcaption>
      <blockquote className="has-quote__text">{error.details}</blockquote>
    </figure>
  )
}
