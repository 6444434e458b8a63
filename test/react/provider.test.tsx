// @vitest-environment jsdom
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { hydrateRoot } from 'react-dom/client'
import { renderToString } from 'react-dom/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import type { WebSocketConstructor } from '../../src/core/types'
import { HasProvider } from '../../src/react/HasProvider'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import { createReactDevkit } from '../support/reactDevkit'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  kit?.close()
  vi.restoreAllMocks()
})

/** Wraps the devkit's socket class to count the sockets the dApp side opens. */
function countingSockets(base: WebSocketConstructor) {
  const counter = { opened: 0, open: 0 }
  class Counting extends (base as unknown as new (url: string) => { onclose: ((e: unknown) => void) | null }) {
    constructor(url: string) {
      super(url)
      counter.opened++
      counter.open++
      let handler: ((e: unknown) => void) | null = null
      Object.defineProperty(this, 'onclose', {
        get: () => handler,
        set: (h) => {
          handler = h
            ? (e: unknown) => {
                counter.open--
                h(e)
              }
            : () => void counter.open--
        },
      })
    }
  }
  return { Counting: Counting as unknown as WebSocketConstructor, counter }
}

function Status() {
  const { status, session, login } = useHiveAuth()
  return (
    <div>
      <span data-testid="status">{status}</span>
      <span data-testid="who">{session?.account ?? 'nobody'}</span>
      <button type="button" onClick={() => void login('alice', { onWait: kit.scan })}>
        log in
      </button>
    </div>
  )
}

describe('HasProvider', () => {
  it('under StrictMode opens one socket and leaves none behind after unmount', async () => {
    kit = createReactDevkit()
    const { Counting, counter } = countingSockets(kit.devkit.WebSocket)
    const devkit = { url: kit.devkit.url, WebSocket: Counting }
    const { result, unmount } = renderHook(() => useHiveAuth(), { wrapper: kit.wrapper({ strict: true, devkit }) })
    await act(() => result.current.login('alice', { onWait: kit.scan }))
    expect(result.current.session?.account).toBe('alice')
    expect(counter.opened).toBe(1)
    unmount()
    await waitFor(() => expect(counter.open).toBe(0))
  })

  it('uses the app QueryClient when there is one', async () => {
    kit = createReactDevkit()
    const queryClient = new QueryClient()
    const { result } = renderHook(() => useHasSign(), {
      wrapper: ({ children }) => (
        <QueryClientProvider client={queryClient}>
          <HasProvider app={{ name: 'q' }} devkit={kit.devkit} storage={kit.storage}>
            {children}
          </HasProvider>
        </QueryClientProvider>
      ),
    })
    act(() => result.current.mutate({ keyType: 'posting', ops: [['vote', {}]] }))
    await waitFor(() => expect(result.current.status).toBe('error'))
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1)
  })

  it('renders on a server and hydrates without warnings, restoring the stored session after mount', async () => {
    kit = createReactDevkit()
    kit.storage.setItem(
      STORAGE_KEY,
      JSON.stringify({ version: 1, sessions: [{ account: 'alice', key: 'k', expire: Date.now() + 60_000, host: kit.devkit.url }] }),
    )
    const app = (
      <HasProvider app={{ name: 'ssr' }} devkit={kit.devkit} storage={kit.storage}>
        <Status />
      </HasProvider>
    )
    const html = renderToString(app)
    expect(html).toContain('nobody')
    const container = document.createElement('div')
    container.innerHTML = html
    document.body.append(container)
    const errors = vi.spyOn(console, 'error')
    await act(async () => void hydrateRoot(container, app, { onRecoverableError: (e) => console.error(e) }))
    await waitFor(() => expect(container.textContent).toContain('alice'))
    expect(errors).not.toHaveBeenCalled()
    container.remove()
  })

  it('a person can log in by clicking', async () => {
    kit = createReactDevkit()
    render(
      <HasProvider app={{ name: 'click' }} devkit={kit.devkit} storage={kit.storage}>
        <Status />
      </HasProvider>,
    )
    await waitFor(() => screen.getByText('idle'))
    act(() => screen.getByText('log in').click())
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('alice'))
    expect(screen.getByTestId('status').textContent).toBe('approved')
  })
})
