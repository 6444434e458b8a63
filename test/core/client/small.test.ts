import { describe, expect, it } from 'vitest'
import { localDeadline } from '../../../src/core/client/localDeadline'
import { createNonceSource } from '../../../src/core/client/nonce'
import { createStore } from '../../../src/core/client/store'

describe('localDeadline', () => {
  const now = 1_000_000
  it('trusts the relay when the clocks agree', () => {
    expect(localDeadline(now + 60_000 + 500, 60_000, now)).toBe(now + 60_500)
  })
  it('removes clock skew in either direction', () => {
    expect(localDeadline(now + 60_000 + 3_600_000, 60_000, now)).toBe(now + 60_000)
    expect(localDeadline(now + 60_000 - 90_000, 60_000, now)).toBe(now + 60_000)
  })
  it('falls back to the timeout when the relay gives no expiry', () => {
    expect(localDeadline(undefined, 5_000, now)).toBe(now + 5_000)
  })
})

describe('nonce', () => {
  it('strictly increases even within one millisecond, and follows the clock', () => {
    let clock = 100
    const next = createNonceSource(() => clock)
    expect([next(), next(), next()]).toEqual([100, 101, 102])
    clock = 500
    expect(next()).toBe(500)
  })
})

describe('store', () => {
  it('notifies on change only, and a throwing listener does not stop the others', () => {
    const store = createStore({ n: 0 })
    const seen: number[] = []
    store.subscribe(() => {
      throw new Error('consumer bug')
    })
    const off = store.subscribe((s) => seen.push(s.n))
    store.setState((s) => ({ n: s.n + 1 }))
    store.setState((s) => s)
    off()
    store.setState(() => ({ n: 5 }))
    expect(seen).toEqual([1])
  })
})
