'use client'
import { useEffect, useState } from 'react'

/**
 * True once `active` has stayed true for `delayMs`: a spinner that would flash for a few milliseconds is not shown at
 * all (and the step it would replace is not torn down and rebuilt, which costs a frame).
 */
export function useShownAfter(active: boolean, delayMs: number): boolean {
  const [shown, setShown] = useState(false)
  useEffect(() => {
    if (!active) {
      setShown(false)
      return
    }
    const timer = setTimeout(() => setShown(true), delayMs)
    return () => clearTimeout(timer)
  }, [active, delayMs])
  return active && shown
}
