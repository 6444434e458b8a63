'use client'
import { useRef } from 'react'
import { useCountdown } from '../../react/hooks/useCountdown.js'
import type { HasUiLabels } from '../i18n/enUi.js'
import { format } from '../i18n/format.js'

const ANNOUNCE_AT = [60, 30, 10]

/**
 * The seconds left, shown every second but announced to screen readers politely and only when it first appears
 * and at 60, 30 and 10 seconds, so a reader is not interrupted every second.
 */
export function Countdown({ expire, labels }: { expire: number; labels: HasUiLabels }) {
  const { secondsLeft } = useCountdown(expire)
  const announced = useRef<number | undefined>(undefined)
  if (announced.current === undefined || ANNOUNCE_AT.includes(secondsLeft)) announced.current = secondsLeft
  return (
    <p className="has-countdown">
      <span aria-hidden="true">{format(labels.secondsLeft, { seconds: secondsLeft })}</span>
      <span className="has-visually-hidden" aria-live="polite">
        {format(labels.announceSecondsLeft, { seconds: announced.current })}
      </span>
    </p>
  )
}
