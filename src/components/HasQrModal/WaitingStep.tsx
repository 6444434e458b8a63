'use client'
import type { PendingRequest } from '../../core/types.js'
import { useCountdown } from '../../react/hooks/useCountdown.js'
import { CopyButton } from '../CopyButton/CopyButton.js'
import { Countdown } from '../Countdown/Countdown.js'
import type { HasUiLabels } from '../i18n/enUi.js'
import { format } from '../i18n/format.js'
import { QrCode } from '../QrCode/QrCode.js'
import { useMediaQuery } from '../theme/useMediaQuery.js'

/** Seconds left from which the countdown turns urgent. */
const URGENT_SECONDS = 10

/**
 * The request the wallet sees: who is logging in, the QR code, "Open in wallet" (first on phones, where a QR code is
 * useless), "Copy link", the countdown (urgent in its last 10 s), Back to the account name, and Cancel.
 */
export function WaitingStep(props: { pending: PendingRequest; labels: HasUiLabels; reconnecting: boolean; onBack(): void; onCancel(): void }) {
  const { pending, labels, reconnecting } = props
  const phone = useMediaQuery('(max-width: 480px), (pointer: coarse)')
  const { secondsLeft } = useCountdown(pending.expire)
  const urgent = secondsLeft > 0 && secondsLeft <= URGENT_SECONDS
  const open = (
    <a className="has-button has-button--primary" href={pending.deepLink}>
      {labels.openInWallet}
    </a>
  )
  return (
    <div className="has-step has-step--waiting" data-layout={phone ? 'phone' : 'desktop'} data-urgent={urgent ? '' : undefined}>
      {/* Focus lands here, never on "Open in wallet": a second Enter must not open a has:// link on a desktop. */}
      <p className="has-text has-text--strong" tabIndex={-1} data-has-autofocus="">
        {format(pending.renew ? labels.renewingAs : labels.approveAs, { account: pending.account })}
      </p>
      <p className="has-text has-text--muted">{labels.waitingBody}</p>
      {phone && open}
      <QrCode value={pending.deepLink} label={format(labels.qrLabel, { link: pending.deepLink })} />
      {reconnecting ? (
        <p className="has-text has-text--muted" role="status">
          {labels.reconnecting}
        </p>
      ) : (
        <>
          <Countdown expire={pending.expire} labels={labels} />
          {urgent && (
            <p className="has-text has-text--urgent" role="status">
              {labels.hurry}
            </p>
          )}
        </>
      )}
      <div className="has-actions">
        {!phone && open}
        <CopyButton text={pending.deepLink} label={labels.copyLink} copiedLabel={labels.copied} />
      </div>
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
