// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HasCancelledError } from '../../src/core/errors/HasCancelledError'
import { HasExpiredError } from '../../src/core/errors/HasExpiredError'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { HasProviderMissingError } from '../../src/react/HasProviderMissingError'
import { useHasClient } from '../../src/react/hooks/useHasClient'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { useHasAccounts } from '../../src/react/hooks/useHasAccounts'
import { useHasConnection } from '../../src/react/hooks/useHasConnection'
import { createReactDevkit } from '../support/reactDevkit'
import { FAKE_CLOCK } from '../support/until'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  vi.useRealTimers()
  kit?.close()
})

/** Renders useHiveAuth and records every distinct status it passes through. */
function renderAuth(wrapperProps = {}) {
  const statuses: string[] = []
  /** Whether the provider's client exists (it is created after mount): logins before that reject. */
  const ready = { current: false }
  const view = renderHook(
    () => {
      const auth = useHiveAuth()
      ready.current = useHasClient() !== null
      if (statuses.at(-1) !== auth.status) statuses.push(auth.status)
      return auth
    },
    { wrapper: kit.wrapper(wrapperProps) },
  )
  return { ...view, statuses, ready }
}

describe('useHiveAuth', () => {
  it('walks idle → connecting → requesting → waiting → approved, exposing the pending request, then the session', async () => {
    kit = createReactDevkit({ wallet: { decision: 'manual' } })
    const { result, statuses } = renderAuth()
    await waitFor(() => expect(result.current.status).toBe('idle'))
    let login!: Promise<unknown>
    act(() => void (login = result.current.login('alice', { onWait: kit.scan })))
    await waitFor(() => expect(result.current.status).toBe('waiting'))
    expect(result.current.pending).toMatchObject({ kind: 'auth', account: 'alice', deepLink: expect.stringMatching(/^has:\/\/auth_req\//) })
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    await act(() => login)
    expect(result.current.status).toBe('approved')
    expect(result.current.session?.account).toBe('alice')
    expect(result.current.pending).toBeUndefined()
    expect(statuses).toEqual(['idle', 'connecting', 'requesting', 'waiting', 'approved'])
  })

  it('a refusal is "rejected" with a typed error, and retry() issues a fresh request that can succeed', async () => {
    kit = createReactDevkit({ wallet: { decision: 'reject' } })
    const { result, ready } = renderAuth()
    await waitFor(() => expect(ready.current).toBe(true))
    await act(() => result.current.login('alice', { onWait: kit.scan }))
    expect(result.current.status).toBe('rejected')
    expect(result.current.error).toBeInstanceOf(HasRejectedError)
    kit.wallet.setDecision('approve')
    const first = kit.devkit.relay.requests()
    // retry() repeats the same parameters (the onWait that scans included) as a fresh request, from core
    await act(() => result.current.retry())
    expect(kit.devkit.relay.requests().filter((r) => !first.some((f) => f.uuid === r.uuid))).toHaveLength(1)
    expect(result.current.status).toBe('approved')
    expect(result.current.error).toBeUndefined()
    expect(result.current.session?.account).toBe('alice')
  })

  it('a wallet error is "failed" with the wallet text', async () => {
    kit = createReactDevkit({ wallet: { decision: 'error' } })
    const { result } = renderAuth()
    await act(() => result.current.login('alice', { onWait: kit.scan }))
    expect(result.current.status).toBe('failed')
    expect(result.current.error).toBeInstanceOf(HasFailedError)
    expect(result.current.error?.details).toBe('Simulated wallet error')
  })

  it('an ignored request is "expired" at the relay deadline', async () => {
    vi.useFakeTimers(FAKE_CLOCK)
    kit = createReactDevkit({ wallet: { decision: 'ignore' } })
    const { result, ready } = renderAuth()
    await act(() => vi.advanceTimersByTimeAsync(10))
    expect(ready.current).toBe(true)
    let login!: Promise<unknown>
    act(() => void (login = result.current.login('alice', { onWait: kit.scan })))
    await act(() => vi.advanceTimersByTimeAsync(59_000))
    expect(result.current.status).toBe('waiting')
    await act(() => vi.advanceTimersByTimeAsync(2_000))
    await act(() => login)
    expect(result.current.status).toBe('expired')
    expect(result.current.error).toBeInstanceOf(HasExpiredError)
  })

  it('cancel() ends a waiting login as "cancelled"', async () => {
    kit = createReactDevkit({ wallet: { decision: 'manual' } })
    const { result } = renderAuth()
    let login!: Promise<unknown>
    act(() => void (login = result.current.login('alice')))
    await waitFor(() => expect(result.current.status).toBe('waiting'))
    act(() => result.current.cancel())
    await act(() => login)
    expect(result.current.status).toBe('cancelled')
    expect(result.current.error).toBeInstanceOf(HasCancelledError)
  })

  it('an invalid account name is "failed" with HasInvalidArgumentError, and nothing is sent', async () => {
    kit = createReactDevkit()
    const { result, ready } = renderAuth()
    await waitFor(() => expect(ready.current).toBe(true))
    await act(() => result.current.login('No Such Name!'))
    expect(result.current.status).toBe('failed')
    expect(result.current.error?.code).toBe('invalid_argument')
    expect(kit.devkit.relay.requests()).toEqual([])
  })

  it('several accounts: each logged in, switchable, logout one then all', async () => {
    kit = createReactDevkit()
    const { result } = renderHook(() => ({ auth: useHiveAuth(), accounts: useHasAccounts() }), { wrapper: kit.wrapper() })
    await act(() => result.current.auth.login('alice', { onWait: kit.scan }))
    await act(() => result.current.auth.login('bob', { onWait: kit.scan }))
    expect(result.current.auth.accounts).toEqual(['bob', 'alice'])
    expect(result.current.accounts.map((a) => [a.account, a.current])).toEqual([
      ['bob', true],
      ['alice', false],
    ])
    act(() => result.current.auth.switchAccount('alice'))
    expect(result.current.auth.session?.account).toBe('alice')
    act(() => result.current.auth.logout('alice'))
    expect(result.current.auth.accounts).toEqual(['bob'])
    act(() => result.current.auth.logout())
    expect(result.current.auth.session).toBeUndefined()
    expect(result.current.auth.status).toBe('idle')
  })

  it('flags a session that expires soon', async () => {
    kit = createReactDevkit({ wallet: { sessionMs: 60_000 } })
    const { result } = renderHook(() => ({ auth: useHiveAuth(), accounts: useHasAccounts() }), { wrapper: kit.wrapper({ expiresSoonMs: 120_000 }) })
    await act(() => result.current.auth.login('alice', { onWait: kit.scan }))
    expect(result.current.accounts[0]).toMatchObject({ account: 'alice', expiresSoon: true })
  })

  it('after a reload, the pending login re-attaches and resolves from the late answer', async () => {
    kit = createReactDevkit({ wallet: { decision: 'manual' } })
    const first = renderAuth()
    act(() => void first.result.current.login('alice', { onWait: kit.scan }))
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
    const reloaded = createMemoryStorage()
    reloaded.setItem(STORAGE_KEY, kit.storage.getItem(STORAGE_KEY)!)
    first.unmount()

    const second = renderAuth({ storage: reloaded })
    await waitFor(() => expect(second.result.current.status).toBe('waiting'))
    expect(second.result.current.pending?.account).toBe('alice')
    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    await waitFor(() => expect(second.result.current.status).toBe('approved'))
    expect(second.result.current.session?.account).toBe('alice')
    expect(second.statuses).toEqual(['idle', 'reconnecting', 'waiting', 'approved'])
  })

  it('calls onLogin, onLogout and onError', async () => {
    kit = createReactDevkit()
    const onLogin = vi.fn()
    const onLogout = vi.fn()
    const onError = vi.fn()
    const { result } = renderAuth({ onLogin, onLogout, onError })
    await act(() => result.current.login('alice', { onWait: kit.scan }))
    expect(onLogin).toHaveBeenCalledWith(expect.objectContaining({ account: 'alice' }))
    act(() => result.current.logout())
    expect(onLogout).toHaveBeenCalledWith('alice')
    kit.wallet.setDecision('reject')
    await act(() => result.current.login('bob', { onWait: kit.scan }))
    expect(onError).toHaveBeenCalledWith(expect.any(HasRejectedError))
  })

  it('useHasConnection reports the relay once connected', async () => {
    kit = createReactDevkit()
    const { result } = renderHook(() => ({ auth: useHiveAuth(), connection: useHasConnection() }), { wrapper: kit.wrapper() })
    expect(result.current.connection.status).toBe('idle')
    await act(() => result.current.auth.login('alice', { onWait: kit.scan }))
    expect(result.current.connection).toMatchObject({ status: 'connected', host: kit.devkit.url, protocol: 1 })
  })

  it('throws HasProviderMissingError outside a provider', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(() => renderHook(() => useHiveAuth())).toThrow(HasProviderMissingError)
  })
})
