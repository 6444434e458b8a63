// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, expect, it } from 'vitest'
import { useHasClient } from '../../src/react/hooks/useHasClient'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { createReactDevkit } from '../support/reactDevkit'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => kit?.close())

it('two logins started in one task (a double click) are two requests, each followed by its own call', async () => {
  kit = createReactDevkit({ wallet: { decision: 'approve' } })
  const { result } = renderHook(() => ({ auth: useHiveAuth(), client: useHasClient() }), { wrapper: kit.wrapper({}) })
  await waitFor(() => expect(result.current.client).not.toBeNull())
  const seen = new Set<number>()
  const unsubscribe = result.current.client!.subscribe((s) => {
    for (const r of s.requests) seen.add(r.id)
  })
  let first!: Promise<unknown>
  let second!: Promise<unknown>
  act(() => {
    first = result.current.auth.login('alice', { onWait: kit.scan })
    second = result.current.auth.login('bob', { onWait: kit.scan })
  })
  const [a, b] = await act(() => Promise.all([first, second]))
  unsubscribe()
  expect(seen.size).toBe(2)
  expect([a, b]).toMatchObject([{ account: 'alice' }, { account: 'bob' }])
})
