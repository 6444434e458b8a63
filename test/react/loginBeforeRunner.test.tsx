// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, expect, it, vi } from 'vitest'
import { useHasClient } from '../../src/react/hooks/useHasClient'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { createReactDevkit } from '../support/reactDevkit'

// The client's runner loads on first use. Here its code arrives only when the test says, as on a slow network: a
// login started meanwhile must read as under way (`connecting`), not `idle` with the last login's error still shown.
const gate = vi.hoisted(() => {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open: () => open() }
})
vi.mock('../../src/core/client/requestRunner', async (importOriginal) => {
  await gate.opened
  return importOriginal()
})

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => kit?.close())

it('a login started before the runner’s code arrived is connecting, then goes on as any other', async () => {
  kit = createReactDevkit({ wallet: { decision: 'approve' } })
  const statuses: string[] = []
  const { result } = renderHook(
    () => {
      const auth = useHiveAuth()
      if (statuses.at(-1) !== auth.status) statuses.push(auth.status)
      return { auth, client: useHasClient() }
    },
    { wrapper: kit.wrapper({}) },
  )
  await waitFor(() => expect(result.current.client).not.toBeNull())
  let login!: Promise<unknown>
  act(() => void (login = result.current.auth.login('alice', { onWait: kit.scan })))
  await waitFor(() => expect(result.current.auth.status).toBe('connecting'))
  expect(result.current.client!.getState().requests).toEqual([]) // in no state yet: its code has not arrived
  expect(result.current.auth.error).toBeUndefined()
  gate.open()
  await act(() => login)
  expect(result.current.auth.status).toBe('approved')
  expect(statuses).toEqual(['idle', 'connecting', 'requesting', 'waiting', 'approved'])
})
