'use client'
import { useEffect, useMemo, useState } from 'react'
import type { HasSession } from '../../core/types.js'
import { useHasContext } from '../context.js'
import { useHasState } from './useHasState.js'

/** A logged-in account as an account switcher shows it. */
export interface HasAccount {
  account: string
  expire: number
  /** Whether it is the current account (the one signing by default). */
  current: boolean
  /** Whether its session ends within the provider's `expiresSoonMs`. */
  expiresSoon: boolean
}

/** Every logged-in account, current first; re-renders when one crosses into "expires soon". */
export function useHasAccounts(): HasAccount[] {
  const { expiresSoonMs } = useHasContext('useHasAccounts')
  const sessions = useHasState((s) => s.sessions)
  const [now, setNow] = useState(() => Date.now())
  // biome-ignore lint/correctness/useExhaustiveDependencies: `now` re-arms the timer after each threshold it crossed
  useEffect(() => {
    const next = nextThreshold(sessions, expiresSoonMs, Date.now())
    if (next === undefined) return
    const timer = setTimeout(() => setNow(Date.now()), Math.min(2 ** 31 - 1, next - Date.now() + 1))
    return () => clearTimeout(timer)
  }, [sessions, expiresSoonMs, now])
  return useMemo(
    () => sessions.map((s, i) => ({ account: s.account, expire: s.expire, current: i === 0, expiresSoon: s.expire - now <= expiresSoonMs })),
    [sessions, now, expiresSoonMs],
  )
}

function nextThreshold(sessions: readonly HasSession[], soonMs: number, now: number): number | undefined {
  const upcoming = sessions.map((s) => s.expire - soonMs).filter((t) => t > now)
  return upcoming.length ? Math.min(...upcoming) : undefined
}
