// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { parseAuthLink } from '../../src/core/protocol/links'
import { readSessionCookie } from '../../src/core/session/sessionCookie'
import { HasProvider } from '../../src/react/HasProvider'
import { useHasConnection } from '../../src/react/hooks/useHasConnection'
import { useHasSession } from '../../src/react/hooks/useHasSession'
import { useHasModal } from '../../src/react/hooks/useHasModal'
import { expectNoAxeViolations } from '../support/axe'
import { createReactDevkit } from '../support/reactDevkit'
import { FAKE_CLOCK } from '../support/until'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  kit?.close()
})

function SessionProbe() {
  return <output aria-label="session">{JSON.stringify(useHasSession() ?? null)}</output>
}

function ConnectionProbe() {
  return <output aria-label="socket">{useHasConnection().status}</output>
}

/** Logs in from code: `openLogin()` resolves with the session the modal logged in, or undefined when it was closed. */
function LoginFromCode() {
  const modal = useHasModal()
  const [result, setResult] = useState('none yet')
  return (
    <>
      <button type="button" onClick={() => void modal.openLogin().then((s) => setResult(s ? `@${s.account}` : 'closed'))}>
        checkout
      </button>
      <output aria-label="result">{result}</output>
      <output aria-label="open">{String(modal.isOpen)}</output>
    </>
  )
}

function renderKit(children: React.ReactNode, wallet: Parameters<typeof createReactDevkit>[0] = { wallet: { decision: 'approve' } }) {
  kit = createReactDevkit(wallet)
  render(
    <HasProvider app={{ name: 'Modal' }} devkit={kit.devkit} storage={kit.storage}>
      {children}
    </HasProvider>,
  )
  return userEvent.setup()
}

async function submitAccount(user: ReturnType<typeof userEvent.setup>, dialog: HTMLElement, account: string) {
  await user.type(within(dialog).getByLabelText('Hive account'), account)
  await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  const open = await within(dialog).findByRole('link', { name: 'Open in wallet' })
  return open.getAttribute('href')!
}

describe('the provider’s one login modal', () => {
  it('opens from code and resolves with the session; closing resolves undefined', async () => {
    const user = renderKit(
      <>
        <LoginFromCode />
        <HasLoginButton avatarUrl={false} />
      </>,
    )
    await user.click(screen.getByRole('button', { name: 'checkout' }))
    const dialog = await screen.findByRole('dialog', { name: 'Log in with HiveAuth' })
    expect(screen.getByLabelText('open').textContent).toBe('true')
    const link = await submitAccount(user, dialog, 'bob')
    await act(() => kit.wallet.scan(link))
    await waitFor(() => expect(screen.getByLabelText('result').textContent).toBe('@bob'))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByLabelText('open').textContent).toBe('false')

    await user.click(screen.getByRole('button', { name: 'checkout' }))
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.getByLabelText('result').textContent).toBe('closed'))
  })

  it('renders once however many buttons are mounted', async () => {
    const user = renderKit(
      <>
        <HasLoginButton avatarUrl={false} />
        <HasLoginButton avatarUrl={false} />
      </>,
    )
    const [, second] = await screen.findAllByRole('button', { name: 'Log in with HiveAuth' })
    await user.click(second!)
    await screen.findByRole('dialog')
    expect(screen.getAllByRole('dialog')).toHaveLength(1)
  })

  it('opens the socket when the modal opens, before the account is typed', async () => {
    const user = renderKit(
      <>
        <ConnectionProbe />
        <HasLoginButton avatarUrl={false} />
      </>,
    )
    expect(screen.getByLabelText('socket').textContent).toBe('idle')
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    await waitFor(() => expect(screen.getByLabelText('socket').textContent).toBe('connected'))
    expect(within(screen.getByRole('dialog')).getByLabelText<HTMLInputElement>('Hive account').value).toBe('')
  })

  it('keeps the form (busy) until the QR code is there: a second Enter starts no second login', async () => {
    const user = renderKit(<HasLoginButton avatarUrl={false} />, { wallet: { decision: 'manual' } })
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('Hive account'), 'alice{Enter}{Enter}')
    await within(dialog).findByRole('link', { name: 'Open in wallet' })
    expect(kit.devkit.relay.requests().filter((r) => r.kind === 'auth')).toHaveLength(1)
    expect(within(dialog).queryByText('Connecting to HiveAuth…')).toBeNull()
  })

  it('opens the socket as soon as the button is focused or hovered', async () => {
    const user = renderKit(
      <>
        <ConnectionProbe />
        <HasLoginButton avatarUrl={false} />
      </>,
    )
    const button = await screen.findByRole('button', { name: 'Log in with HiveAuth' })
    expect(screen.getByLabelText('socket').textContent).toBe('idle')
    await user.hover(button)
    await waitFor(() => expect(screen.getByLabelText('socket').textContent).toBe('connected'))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('HasLoginButton.Custom hands over pending, modalOpen and cancel', async () => {
    const user = renderKit(
      <HasLoginButton.Custom>
        {({ pending, modalOpen, cancel, openModal }) => (
          <>
            <output aria-label="custom">{`${modalOpen ? 'open' : 'closed'} ${pending ? `waiting for @${pending.account}` : 'nothing pending'}`}</output>
            <button type="button" onClick={openModal}>
              connect
            </button>
            <button type="button" onClick={cancel}>
              stop
            </button>
          </>
        )}
      </HasLoginButton.Custom>,
      { wallet: { decision: 'manual' } },
    )
    expect(screen.getByLabelText('custom').textContent).toBe('closed nothing pending')
    await user.click(screen.getByRole('button', { name: 'connect' }))
    await submitAccount(user, await screen.findByRole('dialog'), 'alice')
    expect(screen.getByLabelText('custom', { selector: 'output' }).textContent).toBe('open waiting for @alice')
    await user.click(screen.getByRole('button', { name: 'stop', hidden: true }))
    await waitFor(() => expect(screen.getByLabelText('custom', { selector: 'output' }).textContent).toBe('open nothing pending'))
  })

  it('offers the accounts logged in before on this device as one-tap choices', async () => {
    const user = renderKit(<HasLoginButton avatarUrl={false} />)
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    let dialog = await screen.findByRole('dialog')
    expect(within(dialog).queryByRole('group', { name: 'Used on this device' })).toBeNull()
    await act(async () => kit.wallet.scan(await submitAccount(user, dialog, 'alice')))
    await user.click(await screen.findByRole('button', { name: 'Account menu for @alice' }))
    await user.click(screen.getByRole('menuitem', { name: 'Log out @alice' }))

    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    dialog = await screen.findByRole('dialog')
    const recent = within(dialog).getByRole('group', { name: 'Used on this device' })
    await expectNoAxeViolations(dialog)
    await user.click(within(recent).getByRole('button', { name: 'Continue as @alice' }))
    const link = (await within(dialog).findByRole('link', { name: 'Open in wallet' })).getAttribute('href')!
    expect(parseAuthLink(link).account).toBe('alice')
  })

  it('helps someone without a wallet: what HiveAuth is, where to get a wallet, and back', async () => {
    const user = renderKit(<HasLoginButton avatarUrl={false} modal={{ wallets: [{ name: 'My Wallet', url: 'https://wallet.example/' }] }} />)
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: "Don't have a wallet app?" }))
    expect(within(dialog).getByText('What is HiveAuth?')).toBeTruthy()
    expect(within(dialog).getByRole('link', { name: 'My Wallet: Website' }).getAttribute('href')).toBe('https://wallet.example/')
    // three short steps of how to log in once a wallet is installed
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toContain('Add your Hive account to it.')
    await expectNoAxeViolations(dialog)
    await user.click(within(dialog).getByRole('button', { name: 'Back' }))
    expect(within(dialog).getByLabelText('Hive account')).toBeTruthy()
  })

  it('autoRenew shows a fresh QR code when one expires unanswered, a bounded number of times', async () => {
    vi.useFakeTimers({ ...FAKE_CLOCK, shouldAdvanceTime: true })
    kit = createReactDevkit({ wallet: { decision: 'ignore' } })
    render(
      <HasProvider app={{ name: 'Modal' }} devkit={kit.devkit} storage={kit.storage}>
        <HasLoginButton avatarUrl={false} modal={{ autoRenew: 1 }} />
      </HasProvider>,
    )
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    const dialog = await screen.findByRole('dialog')
    const first = await submitAccount(user, dialog, 'alice')
    await act(() => vi.advanceTimersByTimeAsync(61_000))
    const renewed = await within(dialog).findByRole('link', { name: 'Open in wallet' })
    expect(parseAuthLink(renewed.getAttribute('href')!).uuid).not.toBe(parseAuthLink(first).uuid)
    await act(() => vi.advanceTimersByTimeAsync(61_000))
    expect(await within(dialog).findByText('Request expired')).toBeTruthy()
  })
})

describe('the session cookie (opt-in)', () => {
  it('holds the account and expiry, never the key, and is cleared on logout', async () => {
    kit = createReactDevkit({ wallet: { decision: 'approve' } })
    render(
      <HasProvider app={{ name: 'Cookie' }} devkit={kit.devkit} storage={kit.storage} sessionCookie>
        <SessionProbe />
        <HasLoginButton avatarUrl={false} />
      </HasProvider>,
    )
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    await act(async () => kit.wallet.scan(await submitAccount(user, await screen.findByRole('dialog'), 'alice')))
    await screen.findByRole('button', { name: 'Account menu for @alice' })
    const cookie = readSessionCookie(document.cookie)
    expect(cookie?.account).toBe('alice')
    expect(cookie?.expire).toBeGreaterThan(Date.now())
    const key = JSON.parse(screen.getByLabelText('session').textContent!).key as string
    expect(key.length).toBeGreaterThan(10)
    expect(document.cookie).not.toContain(key)
    expect(document.cookie).not.toContain(encodeURIComponent(key))
    await user.click(screen.getByRole('button', { name: 'Account menu for @alice' }))
    await user.click(screen.getByRole('menuitem', { name: 'Log out @alice' }))
    expect(readSessionCookie(document.cookie)).toBeUndefined()
  })
})

describe('a returning user', () => {
  it('never sees "Log in" while the stored session is restored: a placeholder, then the account', async () => {
    kit = createReactDevkit({ wallet: { decision: 'approve' } })
    const tree = (
      <HasProvider app={{ name: 'Reload' }} devkit={kit.devkit} storage={kit.storage}>
        <HasLoginButton avatarUrl={false} />
      </HasProvider>
    )
    const first = render(tree)
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    await act(async () => kit.wallet.scan(await submitAccount(user, await screen.findByRole('dialog'), 'alice')))
    await screen.findByRole('button', { name: 'Account menu for @alice' })
    first.unmount()

    // "reload": every state the button passes through is recorded from the first render on
    const inserted: string[] = []
    const host = document.createElement('div')
    document.body.append(host)
    const observer = new MutationObserver((mutations) => {
      for (const m of mutations) for (const node of m.addedNodes) if (node instanceof Element) inserted.push(node.outerHTML)
    })
    observer.observe(host, { subtree: true, childList: true })
    render(tree, { container: host })
    await screen.findByRole('button', { name: 'Account menu for @alice' })
    await Promise.resolve() // the observer reports in a microtask
    observer.disconnect()
    expect(inserted.some((html) => html.includes('has-button--placeholder'))).toBe(true)
    expect(inserted.filter((html) => html.startsWith('<button') && html.includes('Log in with HiveAuth'))).toEqual([])
  })
})
