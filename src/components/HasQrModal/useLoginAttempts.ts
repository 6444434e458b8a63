'use client'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { HasSession } from '../../core/types.js'

/**
 * Follows each login or retry the modal starts through its own promise, so that an outcome left in the store by an
 * earlier login is neither shown nor taken for this one's approval. `starting` is true until the new request is live.
 */
export function useLoginAttempts(live: boolean, onApproved: (session: HasSession) => void) {
  const attempt = useRef(0)
  const [starting, setStarting] = useState(false)
  const approved = useRef(onApproved)
  approved.current = onApproved
  const follow = useCallback((request: Promise<HasSession | undefined>) => {
    const mine = ++attempt.current
    setStarting(true)
    void request.then((session) => {
      if (mine !== attempt.current) return
      setStarting(false)
      if (session) approved.current(session)
    })
  }, [])
  /** Forgets the attempt in progress (Back, close): its late outcome changes nothing here. */
  const abandon = useCallback(() => {
    attempt.current++
    setStarting(false)
  }, [])
  useEffect(() => {
    if (live) setStarting(false)
  }, [live])
  return { starting, follow, abandon }
}
