'use client'
import type { PendingRequest } from '../../core/types.js'
import { Countdown } from '../Countdown/Countdown.js'
import type { HasUiLabels } from '../i18n/enUi.js'
import { format } from '../i18n/format.js'

/**
 * A login a browser wallet shows in its own window: where to look, what to do when no window came (the extension's
 * window opens unfocused, and a sleeping extension needs its icon clicked) or when a web wallet's window was closed
 * (it tells the app nothing), the countdown, Back and Cancel.
 */
export function InjectedWaitingStep(props: {
  pending: PendingRequest
  wallet: string
  /** A web wallet's own window (HiveSigner), not an extension's. */
  web: boolean
  labels: HasUiLabels
  onBack(): void
  onCancel(): void
}) {
  const { pending, wallet, labels, web } = props
  return (
    <div className="has-step has-step--waiting" data-layout="injected">
      <p className="has-text has-text--strong" tabIndex={-1} data-has-autofocus="">
        {format(web ? labels.continueIn : labels.approveIn, { wallet })}
      </p>
      <p className="has-text">{format(web ? labels.redirectWaitingBody : labels.injectedWaitingBody, { wallet, account: pending.account })}</p>
      {pending.signs && <p className="has-text has-text--muted">{format(labels.signsToProve, { account: pending.account })}</p>}
      <Countdown expire={pending.expire} labels={labels} />
      <div className="has-actions has-actions--secondary">
        <button type="button" className="has-button has-button--quiet" onClick={props.onBack}>
          {labels.back}
        </button>
        <button type="button" className="has-button has-button--quiet" onClick={props.onCancel}>
          {labels.cancel}
        </button>
      </div>
    </div>
  )
}
