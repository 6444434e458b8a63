// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { generateNonce } from '../../src/core/chain/loginMessage'
import { verifyLoginMessage } from '../../src/core/chain/verifyLoginMessage'
import { HasConnectionError } from '../../src/core/errors/HasConnectionError'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import { createChain } from '../../src/devkit/chain'
import type { HasAuthAdapter } from '../../src/react/authAdapter'
import { HasProvider } from '../../src/react/HasProvider'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { expectNoAxeViolations } from '../support/axe'
import { createReactDevkit } from '../support/reactDevkit'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  cleanup()
  kit?.close()
})

/**
 * A dApp server in a few lines: nonces it issued, and verifyLoginMessage against the (devkit) chain; a refusal says
 * why (its code and reason), nodes out of reach say so, as docs/verified-login.md's server does.
 */
function fakeServer(chain = createChain(), nodes: { nodes: string[]; fetch: typeof fetch } = { nodes: [chain.url], fetch: chain.fetch }) {
  const nonces = new Set<string>()
  const calls: string[] = []
  let hold: Promise<void> = Promise.resolve()
  const adapter: HasAuthAdapter = {
    getNonce: async () => {
      const nonce = generateNonce()
      nonces.add(nonce)
      return nonce
    },
    verify: async (message, signature) => {
      calls.push('verify')
      await hold
      const nonce = /Nonce: (\w+)/.exec(message)?.[1] ?? ''
      if (!nonces.delete(nonce)) return false
      try {
        const result = await verifyLoginMessage({ message, signature, domain: window.location.origin, nonce, ...nodes })
        return result.valid || { verified: false, code: result.code, reason: result.reason }
      } catch (error) {
        if (error instanceof HasConnectionError) return { verified: false, code: 'nodes_unreachable', reason: error.shortMessage }
        throw error
      }
    },
    signOut: async () => void calls.push('signOut'),
  }
  return { adapter, calls, chain, holdUntil: (p: Promise<void>) => (hold = p) }
}

function Status() {
  const { authStatus, session } = useHiveAuth()
  return <output aria-label="auth">{`${authStatus}:${session?.account ?? '-'}`}</output>
}

function renderWith(adapter: HasAuthAdapter) {
  kit = createReactDevkit()
  const user = userEvent.setup()
  render(
    <HasProvider app={{ name: 'Verified' }} devkit={kit.devkit} storage={kit.storage} auth={adapter}>
      <HasLoginButton avatarUrl={false} />
      <Status />
    </HasProvider>,
  )
  return user
}

async function logIn(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
  const dialog = await screen.findByRole('dialog')
  await user.type(within(dialog).getByLabelText('Hive account'), 'alice')
  await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  const link = await within(dialog).findByRole('link', { name: 'Open in wallet' })
  await act(() => kit.wallet.scan(link.getAttribute('href')!))
  return dialog
}

describe('HasProvider auth: a login your server verifies', () => {
  it('signs the server’s nonce in the login, shows the verifying step, then a verified account', async () => {
    const server = fakeServer()
    let release!: () => void
    server.holdUntil(new Promise<void>((r) => (release = r)))
    const user = renderWith(server.adapter)
    const dialog = await logIn(user)
    await within(dialog).findByText('Checking your login…')
    expect(screen.getByLabelText('auth').textContent).toBe('loading:-')
    await expectNoAxeViolations(dialog)
    act(() => release())
    await waitFor(() => expect(screen.getByLabelText('auth').textContent).toBe('authenticated:alice'))
    expect(await screen.findByRole('button', { name: /@alice \(Verified login\)/ })).toBeTruthy()
    expect(server.calls).toEqual(['verify'])
  })

  it('a login the server refuses for its key does not count: no session, and the modal says the key, quoting the server', async () => {
    const server = fakeServer()
    server.chain.update('alice', (a) => {
      a.posting.key_auths = [['STM5DjEnwiTt6SdFWTNkAmgiPmz9fjPh4Wi2rqb3QJFaWEFPKUrVH', 1]] // the key on chain is another one
    })
    const user = renderWith(server.adapter)
    const dialog = await logIn(user)
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('the key that signed it does not prove this account')
    expect(within(dialog).getByRole('figure').textContent).toBe(
      'The app’s server said:the key is not a posting key of @alice (removed or never added)',
    )
    expect(screen.getByLabelText('auth').textContent).toBe('unauthenticated:-')
  })

  it('a server whose Hive nodes are out of reach: the modal says the nodes, not the key', async () => {
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed')
    }
    const server = fakeServer(createChain(), { nodes: ['https://api.example.invalid', 'https://api2.example.invalid'], fetch: down })
    const user = renderWith(server.adapter)
    const dialog = await logIn(user)
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('the Hive API nodes that check it could not be reached, or did not agree')
    expect(alert.textContent).not.toContain('does not prove')
    expect(within(dialog).getByRole('figure').textContent).toBe('The app’s server said:Not enough Hive API nodes answered.')
  })

  it('a server that declines without saying why: the modal says the server did not confirm it', async () => {
    const server = fakeServer()
    server.adapter.verify = async () => false
    const user = renderWith(server.adapter)
    const dialog = await logIn(user)
    expect((await within(dialog).findByRole('alert')).textContent).toContain('the app’s server did not confirm it')
  })

  it('a server that gives no nonce fails the login before anything is sent', async () => {
    const server = fakeServer()
    server.adapter.getNonce = vi.fn(async () => {
      throw new Error('503')
    })
    const user = renderWith(server.adapter)
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('Hive account'), 'alice')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    expect((await within(dialog).findByRole('alert')).textContent).toContain('the app’s server did not confirm it')
    expect(kit.devkit.relay.requests()).toEqual([])
  })

  it('a server that never answers cannot hold the modal: the check has a deadline, then a typed failure', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true, toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    try {
      const server = fakeServer()
      server.holdUntil(new Promise<void>(() => {})) // the adapter's verify never settles
      kit = createReactDevkit()
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
      const errors: string[] = []
      render(
        <HasProvider app={{ name: 'Verified' }} devkit={kit.devkit} storage={kit.storage} auth={server.adapter} onError={(e) => errors.push(e.code)}>
          <HasLoginButton avatarUrl={false} />
          <Status />
        </HasProvider>,
      )
      const dialog = await logIn(user)
      await within(dialog).findByText('Checking your login…')
      await act(() => vi.advanceTimersByTimeAsync(61_000))
      const alert = await within(dialog).findByRole('alert')
      expect(alert.textContent).toContain('it could not be checked in time')
      expect(screen.getByLabelText('auth').textContent).toBe('unauthenticated:-')
      expect(errors).toEqual(['verification'])
    } finally {
      vi.useRealTimers()
    }
  })

  it('logging out signs out of the server too', async () => {
    const server = fakeServer()
    const user = renderWith(server.adapter)
    await logIn(user)
    await waitFor(() => expect(screen.getByLabelText('auth').textContent).toBe('authenticated:alice'))
    await user.click(screen.getByRole('button', { name: /@alice/ }))
    await user.click(screen.getByRole('menuitem', { name: 'Log out @alice' }))
    await waitFor(() => expect(server.calls).toEqual(['verify', 'signOut']))
    expect(screen.getByLabelText('auth').textContent).toBe('unauthenticated:-')
  })
})

describe('HasProvider verify: a login checked on chain in the browser', () => {
  it('marks the session verified with no server', async () => {
    const chain = createChain()
    kit = createReactDevkit()
    const user = userEvent.setup()
    render(
      <HasProvider app={{ name: 'Verified' }} devkit={kit.devkit} storage={kit.storage} verify chain={{ nodes: [chain.url], fetch: chain.fetch }}>
        <HasLoginButton avatarUrl={false} />
        <Status />
      </HasProvider>,
    )
    await logIn(user)
    await waitFor(() => expect(screen.getByLabelText('auth').textContent).toBe('authenticated:alice'))
  })

  it('with every node out of reach the login is not verified, and the modal says the nodes', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    const down: typeof fetch = async () => {
      throw new TypeError('fetch failed')
    }
    render(
      <HasProvider
        app={{ name: 'Verified' }}
        devkit={kit.devkit}
        storage={kit.storage}
        verify
        chain={{ nodes: ['https://a.invalid', 'https://b.invalid'], fetch: down }}
      >
        <HasLoginButton avatarUrl={false} />
        <Status />
      </HasProvider>,
    )
    const dialog = await logIn(user)
    expect((await within(dialog).findByRole('alert')).textContent).toContain('the Hive API nodes that check it could not be reached')
    expect(screen.getByLabelText('auth').textContent).toBe('unauthenticated:-')
  })
})

describe('a verified mark read from storage', () => {
  it('is not shown on storage’s word: a forged claim shows a plain login', async () => {
    kit = createReactDevkit()
    const session = { account: 'alice', key: 'k', expire: Date.now() + 3_600_000, host: kit.devkit.url, verified: true }
    const challenge = { message: 'forged', pubkey: 'STM7zLBn7rSCm5Seq4yFMrSrK1vcrUZgzcvSXFiFc7QXUY7AdEVCX', signature: '1f'.padEnd(130, '0') }
    kit.storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions: [{ ...session, challenge }] }))
    const chain = createChain()
    render(
      <HasProvider app={{ name: 'Verified' }} devkit={kit.devkit} storage={kit.storage} chain={{ nodes: [chain.url], fetch: chain.fetch }}>
        <HasLoginButton avatarUrl={false} />
      </HasProvider>,
    )
    const button = await screen.findByRole('button', { name: /@alice/ })
    await new Promise((r) => setTimeout(r, 100))
    expect(button.getAttribute('aria-label') ?? button.textContent).not.toMatch(/Verified/)
    expect(screen.queryByText(/Verified login/)).toBeNull()
  })
})
