// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Countdown } from '../../src/components/Countdown/Countdown'
import { enLabels } from '../../src/components/i18n/en'

afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

describe('Countdown', () => {
  it('shows every second but tells screen readers only at first and at 60, 30 and 10 seconds', () => {
    vi.useFakeTimers({ now: 0 })
    render(<Countdown expire={65_000} labels={enLabels} />)
    const live = () => document.querySelector('[aria-live="polite"]')!.textContent
    const seen = new Set<string | null>([live()])
    const shown: string[] = []
    act(() => void vi.advanceTimersByTime(10)) // ticks land just after each whole second
    for (let second = 0; second < 60; second++) {
      act(() => void vi.advanceTimersByTime(1_000))
      shown.push(screen.getByText(/^\d+s left$/).textContent!)
      seen.add(live())
    }
    expect(shown.at(0)).toBe('64s left')
    expect(shown.at(-1)).toBe('5s left')
    expect(new Set(shown).size).toBe(60)
    expect([...seen]).toEqual([
      '65 seconds left to approve',
      '60 seconds left to approve',
      '30 seconds left to approve',
      '10 seconds left to approve',
    ])
    // the visible number is hidden from readers, so it is not read out every second
    expect(screen.getByText('5s left').getAttribute('aria-hidden')).toBe('true')
  })
})
