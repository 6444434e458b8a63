'use client'
import type { HasErrorType } from '../../core/errors/HasErrorType.js'
import type { RequestStatus } from '../../core/machine/request.js'
import { ErrorDetails } from '../ErrorDetails/ErrorDetails.js'
import type { HasUiLabels } from '../i18n/enUi.js'
import { format } from '../i18n/format.js'
import { errorText } from '../i18n/errorText.js'

type Outcome = Extract<RequestStatus, 'approved' | 'rejected' | 'cancelled' | 'expired' | 'failed'>

const TEXT: Record<Outcome, [keyof HasUiLabels, keyof HasUiLabels | undefined]> = {
  approved: ['approvedTitle', 'approvedBody'],
  rejected: ['rejectedTitle', 'rejectedBody'],
  cancelled: ['cancelledTitle', 'cancelledBody'],
  expired: ['expiredTitle', 'expiredBody'],
  failed: ['failedTitle', undefined],
}

/**
 * How the request ended, in the user's language. A refusal or a cancel is neutral, not an error. Text the wallet or
 * relay wrote is quoted apart; "Try again" is offered only when asking again is safe.
 */
export function ResultStep(props: {
  status: Outcome
  account?: string
  /** An approved login whose key was checked (on chain or by the app's server). */
  verified?: boolean
  error?: HasErrorType
  labels: HasUiLabels
  onRetry(): void
  onOtherAccount(): void
  onDone(): void
}) {
  const { status, account, error, labels } = props
  const [title, body] = TEXT[status]
  return (
    <div className={`has-step has-step--result has-result--${status}`} role={status === 'failed' ? 'alert' : 'status'}>
      <p className="has-result__title">{labels[title]}</p>
      <p className="has-text">{error ? errorText(error, labels, account) : format(labels[body ?? 'failedWallet'], { account: account ?? '' })}</p>
      {status === 'approved' && props.verified && (
        <p className="has-text has-verified-note">✓ {format(labels.verifiedBody, { account: account ?? '' })}</p>
      )}
      {error && <ErrorDetails error={error} labels={labels} />}
      <div className="has-actions">
        {status === 'approved' ? (
          <button type="button" className="has-button has-button--primary" onClick={props.onDone} data-has-autofocus="">
            {labels.done}
          </button>
        ) : (
          <>
            {error?.retryable !== false && (
              <button type="button" className="has-button has-button--primary" onClick={props.onRetry} data-has-autofocus="">
                {labels.tryAgain}
              </button>
            )}
            <button type="button" className="has-button has-button--quiet" onClick={props.onOtherAccount}>
              {labels.otherAccount}
            </button>
          </>
        )}
      </div>
    </div>
  )
}
