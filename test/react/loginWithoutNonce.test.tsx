// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import type { HasAuthAdapter } from '../../src/react/authAdapter'
import { useHasClient } from '../../src/react/hooks/useHasClient'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { createReactDevkit } from '../support/reactDevkit'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => kit?.close())

// A verified login whose server gives no nonce fails before anything is sent. It is an outcome like any other: the
// app's TanStack `onError` hears it, every useHiveAuth shows it, and the client's state records it.
it("a server that gives no nonce: the app's onError hears it, and every useHiveAuth shows the failure", async () => {
  kit = createReactDevkit()
  const auth: HasAuthAdapter = {
    getNonce: async () => {
      throw new Error('503 Service Unavailable')
    },
    verify: async () => true,
    signOut: async () => {},
  }
  const onError = vi.fn()
  const { result } = renderHook(() => ({ starter: useHiveAuth({ mutation: { onError } }), header: useHiveAuth(), client: useHasClient() }), {
    wrapper: kit.wrapper({ auth }),
  })
  await waitFor(() => expect(result.current.client).not.toBeNull())
  const outcome = await act(() => result.current.starter.login('alice'))
  expect(outcome).toBeUndefined()
  expect(onError).toHaveBeenCalledTimes(1)
  expect(onError.mock.calls[0]![0]).toMatchObject({ code: 'verification', reason: 'server' })
  expect(result.current.starter).toMatchObject({ status: 'failed', error: { reason: 'server' } })
  expect(result.current.header).toMatchObject({ status: 'failed', error: { reason: 'server' } })
  expect(result.current.client!.getState().last.auth).toMatchObject({ account: 'alice', status: 'failed' })
  expect(kit.devkit.relay.requests()).toEqual([])
})
