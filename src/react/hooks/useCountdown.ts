'use client'
import { useEffect, useState } from 'react'

/** What useCountdown returns. */
export interface Countdown {
  secondsLeft: number
  expired: boolean
}

/**
 * Whole seconds until `expire` (ms epoch), computed from the clock at each tick rather than decremented, so it is
 * right again at once after a tab sleeps. Re-renders its own component once per second, on the second.
 */
export function useCountdown(expire: number | undefined): Countdown {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (expire === undefined) return
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      const current = Date.now()
      setNow(current)
      const left = expire - current
      if (left <= 0) return
      // Wake just after the next whole-second boundary of the remaining time.
      timer = setTimeout(tick, (left % 1000 || 1000) + 5)
    }
    tick()
    return () => clearTimeout(timer)
  }, [expire])
  const secondsLeft = expire === undefined ? 0 : Math.max(0, Math.ceil((expire - now) / 1000))
  return { secondsLeft, expired: expire !== undefined && secondsLeft === 0 }
}
