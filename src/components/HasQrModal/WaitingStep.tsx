'use client'
import { useState } from 'react'
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

/** Props of the waiting step. */
export interface WaitingStepProps {
  pending: PendingRequest
  labels: HasUiLabels
  reconnecting: boolean
  /** An image for the centre of the QR code (the code is then made more robust to stay scannable). */
  qrLogo?: string
  onBack(): void
  onCancel(): void
}

/**
 * The request the wallet sees: who is logging in, and what the wallet will sign if it signs. On a desktop the QR code
 * leads, with "Open in wallet" and "Copy link" below; on a phone (which cannot scan its own screen) "Open in wallet"
 * leads and the QR code is folded away, one tap from view. In service mode a headless PKSA holds the key: nothing is
 * shown to scan. The countdown runs on while the socket reconnects; Back and Cancel end it.
 */
export function WaitingStep({ pending, labels, reconnecting, qrLogo, onBack, onCancel }: WaitingStepProps) {
  const phone = useMediaQuery('(max-width: 480px), (pointer: coarse)')
  const [qrShown, setQrShown] = useState(false)
  const { secondsLeft } = useCountdown(pending.expire)
  const urgent = secondsLeft > 0 && secondsLeft <= URGENT_SECONDS
  const service = pending.service === true
  const open = (
    <a className="has-button has-button--primary" href={pending.deepLink}>
      {labels.openInWallet}
    </a>
  )
  const qr = <QrCode value={pending.deepLink} label={format(labels.qrLabel, { link: pending.deepLink })} size={phone ? 224 : 288} logo={qrLogo} />
  return (
    <div
      className="has-step has-step--waiting"
      data-layout={phone ? 'phone' : 'desktop'}
      data-service={service ? '' : undefined}
      data-urgent={urgent ? '' : undefined}
      data-reconnecting={reconnecting ? '' : undefined}
    >
      {/* Focus lands here, never on "Open in wallet": a second Enter must not open a has:// link on a desktop. */}
      <p className="has-text has-text--strong" tabIndex={-1} data-has-autofocus="">
        {format(pending.renew ? labels.renewingAs : labels.approveAs, { account: pending.account })}
      </p>
      {pending.signs && <p className="has-text">{format(labels.signsToProve, { account: pending.account })}</p>}
      <p className="has-text has-text--muted">{service ? labels.serviceWaitingBody : labels.waitingBody}</p>
      {!service && phone && (
        <>
          {open}
          <button type="button" className="has-button" aria-expanded={qrShown} onClick={() => setQrShown(!qrShown)}>
            {qrShown ? labels.hideQrCode : labels.showQrCode}
          </button>
          {qrShown && qr}
        </>
      )}
      {!service && !phone && qr}
      {reconnecting && (
        // While the relay is away no wallet can reach the request: the code is dimmed, and says so.
        <p className="has-text has-text--urgent" role="status">
          {labels.reconnecting} {labels.qrPaused}
        </p>
      )}
      <Countdown expire={pending.expire} labels={labels} />
      {urgent && (
        <p className="has-text has-text--urgent" role="status">
          {labels.hurry}
        </p>
      )}
      {!service && (
        <div className="has-actions">
          {!phone && open}
          <CopyButton text={pending.deepLink} label={labels.copyLink} copiedLabel={labels.copied} />
        </div>
      )}
      <div className="has-actions has-actions--secondary">
        <button type="button" className="has-button has-button--quiet" onClick={onBack}>
          {labels.back}
        </button>
        <button type="button" className="has-button has-button--quiet" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
    </div>
  )
}
