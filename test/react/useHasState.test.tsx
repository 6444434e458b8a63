// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { useHasState } from '../../src/react/hooks/useHasState'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { createReactDevkit } from '../support/reactDevkit'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => kit?.close())

describe('useHasState', () => {
  it('answers a new selector from the current state, even when the state has not changed since', async () => {
    kit = createReactDevkit()
    const { result, rerender } = renderHook(
      ({ account }) => ({ auth: useHiveAuth(), has: useHasState((s) => s.sessions.some((x) => x.account === account)) }),
      { wrapper: kit.wrapper(), initialProps: { account: 'bob' } },
    )
    await act(() => result.current.auth.login('alice', { onWait: kit.scan }))
    await waitFor(() => expect(result.current.auth.session?.account).toBe('alice'))
    expect(result.current.has).toBe(false)
    rerender({ account: 'alice' }) // same client state, different selector
    expect(result.current.has).toBe(true)
  })

  it('keeps the previous value while isEqual says nothing changed', async () => {
    kit = createReactDevkit()
    const { result } = renderHook(
      () => ({
        auth: useHiveAuth(),
        accounts: useHasState(
          (s) => s.sessions.map((x) => x.account),
          (a, b) => a.join() === b.join(),
        ),
      }),
      { wrapper: kit.wrapper() },
    )
    const before = result.current.accounts
    await act(() => result.current.auth.login('alice', { onWait: kit.scan }))
    await waitFor(() => expect(result.current.accounts).toEqual(['alice']))
    const after = result.current.accounts
    act(() => kit.wallet.setDecision('reject'))
    await act(() => result.current.auth.login('bob', { onWait: kit.scan }).catch(() => {}))
    expect(result.current.accounts).toBe(after)
    expect(before).toEqual([])
  })
})
