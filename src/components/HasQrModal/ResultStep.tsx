'use client'
import type { HasError } from '../../core/errors/HasError'
import type { RequestStatus } from '../../core/machine/request'
import { ErrorDetails } from '../ErrorDetails/ErrorDetails'
import { format, type HasLabels } from '../i18n/en'

type Outcome = Extract<RequestStatus, 'approved' | 'rejected' | 'cancelled' | 'expired' | 'failed'>

const TEXT: Record<Outcome, [keyof HasLabels, keyof HasLabels | undefined]> = {
  approved: ['approvedTitle', 'approvedBody'],
  rejected: ['rejectedTitle', 'rejectedBody'],
  cancelled: ['cancelledTitle', 'cancelledBody'],
  expired: ['expiredTitle', 'expiredBody'],
  failed: ['failedTitle', undefined],
}

/** How the request ended. A refusal or a cancel is neutral, not an error; only a failure shows the error's text. */
export function ResultStep(props: {
  status: Outcome
  account?: string
  error?: HasError
  labels: HasLabels
  onRetry(): void
  onOtherAccount(): void
  onDone(): void
}) {
  const { status, account, error, labels } = props
  const [title, body] = TEXT[status]
  return (
    <div className={`has-step has-step--result has-result--${status}`} role={status === 'failed' ? 'alert' : 'status'}>
      <p className="has-result__title">{labels[title]}</p>
      <p className="has-text">{body ? format(labels[body], { account: account ?? '' }) : error?.shortMessage}</p>
      {status === 'failed' && error && <ErrorDetails error={error} labels={labels} />}
      <div className="has-actions">
        {status === 'approved' ? (
          <button type="button" className="has-button has-button--primary" onClick={props.onDone} data-has-autofocus="">
            {labels.done}
          </button>
        ) : (
          <>
            <button type="button" className="has-button has-button--primary" onClick={props.onRetry} data-has-autofocus="">
              {labels.tryAgain}
            </button>
            <button type="button" className="has-button has-button--quiet" onClick={props.onOtherAccount}>
              {labels.otherAccount}
            </button>
          </>
        )}
      </div>
    </div>
  )
}
