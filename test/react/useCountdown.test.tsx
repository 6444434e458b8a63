// @vitest-environment jsdom
import { act, render, renderHook } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { useCountdown } from '../../src/react/hooks/useCountdown'

afterEach(() => vi.useRealTimers())

describe('useCountdown', () => {
  it('counts whole seconds from the deadline and ends expired', () => {
    vi.useFakeTimers({ now: 1_000_000 })
    const { result } = renderHook(() => useCountdown(1_000_000 + 3_500))
    expect(result.current).toEqual({ secondsLeft: 4, expired: false })
    act(() => void vi.advanceTimersByTime(600))
    expect(result.current.secondsLeft).toBe(3)
    act(() => void vi.advanceTimersByTime(3_000))
    expect(result.current).toEqual({ secondsLeft: 0, expired: true })
  })

  it('is right at once after the tab slept (the clock jumped), not a decremented guess', () => {
    vi.useFakeTimers({ now: 0 })
    const { result } = renderHook(() => useCountdown(60_000))
    expect(result.current.secondsLeft).toBe(60)
    vi.setSystemTime(45_000) // the clock moves but timers did not fire, as in a frozen tab
    act(() => void vi.advanceTimersByTime(1_100)) // the next tick (due 1 005 ms after the last) fires
    expect(result.current.secondsLeft).toBe(14)
  })

  it('re-renders its consumer about once a second and nothing else', () => {
    vi.useFakeTimers({ now: 0 })
    let renders = 0
    const Clock = () => {
      renders++
      return <span>{useCountdown(10_000).secondsLeft}</span>
    }
    render(<Clock />)
    const before = renders
    for (let i = 0; i < 5; i++) act(() => void vi.advanceTimersByTime(1_000)) // one act per second, as a browser would paint
    // ticks land 5 ms after each whole second, so 5 s of time holds 4 or 5 of them
    expect(renders - before).toBeGreaterThanOrEqual(4)
    expect(renders - before).toBeLessThanOrEqual(5)
  })

  it('without a deadline it is idle', () => {
    const { result } = renderHook(() => useCountdown(undefined))
    expect(result.current).toEqual({ secondsLeft: 0, expired: false })
  })
})
