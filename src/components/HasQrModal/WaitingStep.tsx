'use client'
import { useEffect, useState } from 'react'
import type { PendingRequest } from '../../core/types'
import { Countdown } from '../Countdown/Countdown'
import { format, type HasLabels } from '../i18n/en'
import { QrCode } from '../QrCode/QrCode'
import { useMediaQuery } from '../theme/useMediaQuery'

/** The QR code, "Open in wallet" (first on phones, where a QR code is useless), "Copy link", the countdown, Cancel. */
export function WaitingStep({
  pending,
  labels,
  reconnecting,
  onCancel,
}: {
  pending: PendingRequest
  labels: HasLabels
  reconnecting: boolean
  onCancel(): void
}) {
  const phone = useMediaQuery('(max-width: 480px), (pointer: coarse)')
  const [copied, setCopied] = useState(false)
  useEffect(() => {
    if (!copied) return
    const timer = setTimeout(() => setCopied(false), 2000)
    return () => clearTimeout(timer)
  }, [copied])
  const copy = () => {
    navigator.clipboard?.writeText(pending.deepLink).then(
      () => setCopied(true),
      () => setCopied(false),
    )
  }
  const open = (
    <a className="has-button has-button--primary" href={pending.deepLink}>
      {labels.openInWallet}
    </a>
  )
  return (
    <div className="has-step has-step--waiting" data-layout={phone ? 'phone' : 'desktop'}>
      <p className="has-text">{labels.waitingBody}</p>
      {phone && open}
      <QrCode value={pending.deepLink} label={format(labels.qrLabel, { link: pending.deepLink })} />
      {reconnecting ? (
        <p className="has-text has-text--muted" role="status">
          {labels.reconnecting}
        </p>
      ) : (
        <Countdown expire={pending.expire} labels={labels} />
      )}
      <div className="has-actions">
        {!phone && open}
        <button type="button" className="has-button" onClick={copy}>
          {copied ? labels.copied : labels.copyLink}
        </button>
        <button type="button" className="has-button has-button--quiet" onClick={onCancel}>
          {labels.cancel}
        </button>
      </div>
      <span className="has-visually-hidden" aria-live="polite">
        {copied ? labels.copied : ''}
      </span>
    </div>
  )
}
