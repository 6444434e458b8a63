// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { esLabels } from '../../src/components/i18n/es'
import { HasProvider } from '../../src/react/HasProvider'
import { parseAuthLink } from '../../src/core/protocol/links'
import { expectNoAxeViolations } from '../support/axe'
import { createReactDevkit } from '../support/reactDevkit'
import { FAKE_CLOCK } from '../support/until'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  kit?.close()
})

function setup(
  props: Parameters<typeof HasLoginButton>[0] = {},
  kitOptions: Parameters<typeof createReactDevkit>[0] = { wallet: { decision: 'manual' } },
) {
  kit = createReactDevkit(kitOptions)
  const user = userEvent.setup()
  render(
    <HasProvider app={{ name: 'Components' }} devkit={kit.devkit} storage={kit.storage}>
      <HasLoginButton avatarUrl={false} {...props} />
    </HasProvider>,
  )
  return user
}

/** Opens the modal, types the account and waits for the QR step; the wallet "scans" the link shown. */
async function startLogin(user: ReturnType<typeof userEvent.setup>, account = 'alice') {
  await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
  const dialog = await screen.findByRole('dialog', { name: 'Log in with HiveAuth' })
  await user.type(within(dialog).getByLabelText('Hive account'), account)
  await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  const open = await within(dialog).findByRole('link', { name: 'Open in wallet' })
  await act(() => kit.wallet.scan(open.getAttribute('href')!))
  await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
  return { dialog, link: open.getAttribute('href')! }
}

/** Logs in through the UI (first login, or "Add account" from the menu) with a wallet that approves. */
async function logInAs(user: ReturnType<typeof userEvent.setup>, account: string) {
  const trigger = screen.queryByRole('button', { name: /^Account menu/ })
  if (trigger) {
    await user.click(trigger)
    await user.click(screen.getByRole('menuitem', { name: 'Add account' }))
  } else {
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
  }
  const dialog = await screen.findByRole('dialog')
  await user.type(within(dialog).getByLabelText('Hive account'), account)
  await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  await act(async () => kit.wallet.scan((await within(dialog).findByRole('link', { name: 'Open in wallet' })).getAttribute('href')!))
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
}

describe('HasLoginButton and HasQrModal', () => {
  it('logs in: account entry → QR naming the account → approved → the modal closes and focus lands on the account', async () => {
    const user = setup()
    const { dialog, link } = await startLogin(user, '  Alice ')
    expect(dialog.getAttribute('data-status')).toBe('waiting')
    expect(parseAuthLink(link)).toMatchObject({ account: 'alice', host: kit.devkit.url })
    expect(within(dialog).getByText('Approve the login of @alice in your wallet')).toBeTruthy()
    expect(within(dialog).getByRole('img', { name: `QR code of the login link: ${link}` })).toBeTruthy()
    expect(within(dialog).getByText(/^\d+s left$/)).toBeTruthy()
    await expectNoAxeViolations(dialog)
    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    // the login button that opened the modal is gone: focus lands on the account button that replaced it
    expect(document.activeElement).toBe(await screen.findByRole('button', { name: 'Account menu for @alice' }))
  })

  it('keepSuccessStep keeps a "Logged in" step until Done', async () => {
    const user = setup({ modal: { keepSuccessStep: true } })
    const { dialog } = await startLogin(user)
    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    await within(dialog).findByText('You are logged in as @alice.')
    expect(dialog.getAttribute('data-status')).toBe('approved')
    await expectNoAxeViolations(dialog)
    await user.click(within(dialog).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(await screen.findByRole('button', { name: 'Account menu for @alice' }))
  })

  it('Back from the QR step cancels the request and returns to the account name, kept for fixing', async () => {
    const user = setup()
    const { dialog } = await startLogin(user, 'bob')
    const uuid = kit.wallet.pending()[0]!.uuid
    await user.click(within(dialog).getByRole('button', { name: 'Back' }))
    const input = within(dialog).getByLabelText<HTMLInputElement>('Hive account')
    expect(input.value).toBe('bob')
    expect(dialog.getAttribute('data-status')).toBe('idle')
    expect(within(dialog).queryByText('Request cancelled')).toBeNull()
    // the wallet's late approval of the abandoned request logs nobody in
    act(() => kit.wallet.approve(uuid))
    await user.clear(input)
    await user.type(input, 'alice')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    expect(await within(dialog).findByText('Approve the login of @alice in your wallet')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^Account menu/ })).toBeNull()
  })

  it('validates the account name with a clear message and sends nothing', async () => {
    const user = setup()
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('Enter your Hive account name.')
    await user.type(within(dialog).getByLabelText('Hive account'), '1abc')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    expect(within(dialog).getByRole('alert').textContent).toMatch(/each part starts with a letter/)
    expect(within(dialog).getByLabelText('Hive account').getAttribute('aria-invalid')).toBe('true')
    await expectNoAxeViolations(dialog)
    expect(kit.devkit.relay.requests()).toEqual([])
  })

  it('a refusal is neutral, and "Try again" issues a new request', async () => {
    const user = setup()
    const { dialog, link } = await startLogin(user)
    act(() => kit.wallet.reject(kit.wallet.pending()[0]!.uuid))
    const result = await within(dialog).findByRole('status')
    expect(result.textContent).toContain('Request declined')
    expect(dialog.getAttribute('data-status')).toBe('rejected')
    expect(within(dialog).queryByRole('alert')).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }))
    const again = await within(dialog).findByRole('link', { name: 'Open in wallet' })
    expect(parseAuthLink(again.getAttribute('href')!).uuid).not.toBe(parseAuthLink(link).uuid)
  })

  it('an expired request offers "Try again", which re-issues it', async () => {
    vi.useFakeTimers({ ...FAKE_CLOCK, shouldAdvanceTime: true })
    setup({}, { wallet: { decision: 'ignore' } })
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('Hive account'), 'alice')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await within(dialog).findByRole('link', { name: 'Open in wallet' })
    await act(() => vi.advanceTimersByTimeAsync(61_000))
    await within(dialog).findByText('Request expired')
    await user.click(within(dialog).getByRole('button', { name: 'Try again' }))
    await within(dialog).findByRole('link', { name: 'Open in wallet' })
    expect(dialog.getAttribute('data-status')).toBe('waiting')
  })

  it('Escape while waiting closes the modal, cancels the request, and returns focus to the trigger', async () => {
    const user = setup()
    await startLogin(user)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Log in with HiveAuth' }))
    await user.click(screen.getByRole('button', { name: 'Log in with HiveAuth' }))
    // the cancelled login is over: the modal starts again at account entry
    expect(within(await screen.findByRole('dialog')).getByLabelText('Hive account')).toBeTruthy()
  })

  it('Cancel shows a neutral "cancelled" result', async () => {
    const user = setup()
    const { dialog } = await startLogin(user)
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect((await within(dialog).findByRole('status')).textContent).toContain('Request cancelled')
    expect(dialog.getAttribute('data-status')).toBe('cancelled')
  })

  it('copies the link', async () => {
    const user = setup()
    const { dialog, link } = await startLogin(user)
    await user.click(within(dialog).getByRole('button', { name: 'Copy link' }))
    expect(await navigator.clipboard.readText()).toBe(link)
    expect(within(dialog).getByRole('button', { name: 'Link copied' })).toBeTruthy()
  })

  it('the account menu switches, adds and logs out', async () => {
    const user = setup({}, { wallet: { decision: 'approve' } })
    for (const account of ['alice', 'bob']) await logInAs(user, account)
    const menuButton = screen.getByRole('button', { name: 'Account menu for @bob' })
    expect(menuButton.getAttribute('aria-haspopup')).toBe('menu')
    await user.click(menuButton)
    expect(menuButton.getAttribute('aria-expanded')).toBe('true')
    await expectNoAxeViolations(menuButton.closest('.has-account')!)
    await user.click(screen.getByRole('menuitem', { name: 'Switch to @alice' }))
    await user.click(screen.getByRole('button', { name: 'Account menu for @alice' }))
    await user.click(screen.getByRole('menuitem', { name: 'Log out @alice' }))
    // only alice is logged out; focus stays on the menu button, now bob's
    const bobButton = screen.getByRole('button', { name: 'Account menu for @bob' })
    await waitFor(() => expect(document.activeElement).toBe(bobButton))
    // and the switch is said, not only seen
    expect(screen.getByRole('status').textContent).toBe('Logged out @alice. You are now @bob.')
    expect(document.querySelector('img')).toBeNull() // avatarUrl={false}: no image requests
  })

  it('"Add account" offers the accounts used before on this device, never one already logged in', async () => {
    const user = setup({}, { wallet: { decision: 'approve' } })
    for (const account of ['alice', 'bob']) await logInAs(user, account)
    await user.click(screen.getByRole('button', { name: 'Account menu for @bob' }))
    await user.click(screen.getByRole('menuitem', { name: 'Log out @bob' }))
    await user.click(await screen.findByRole('button', { name: 'Account menu for @alice' }))
    await user.click(screen.getByRole('menuitem', { name: 'Add account' }))
    const dialog = await screen.findByRole('dialog')
    const chips = within(dialog).queryAllByRole('button', { name: /^Continue as/ })
    expect(chips.map((c) => c.textContent)).toEqual(['@bob'])
  })

  it('"Log out of all accounts" ends every session and puts focus on "Log in"', async () => {
    const user = setup({}, { wallet: { decision: 'approve' } })
    for (const account of ['alice', 'bob']) await logInAs(user, account)
    await user.click(await screen.findByRole('button', { name: 'Account menu for @bob' }))
    await user.click(screen.getByRole('menuitem', { name: 'Log out of all accounts' }))
    const login = await screen.findByRole('button', { name: 'Log in with HiveAuth' })
    await waitFor(() => expect(document.activeElement).toBe(login))
  })

  it('the account menu closes on a click outside and on Escape, which returns focus to its button', async () => {
    const user = setup({}, { wallet: { decision: 'approve' } })
    await logInAs(user, 'alice')
    const menuButton = await screen.findByRole('button', { name: 'Account menu for @alice' })
    await user.click(menuButton)
    expect(screen.getByRole('menuitem', { name: 'Add account' })).toBeTruthy()
    await user.click(document.body)
    expect(screen.queryByRole('menuitem', { name: 'Add account' })).toBeNull()
    expect(menuButton.getAttribute('aria-expanded')).toBe('false')
    await user.click(menuButton)
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('menuitem', { name: 'Add account' })).toBeNull()
    expect(document.activeElement).toBe(menuButton)
  })

  it('is a menu for the keyboard: arrows, Home and End move, Escape returns, Tab leaves; it copies the name and links an explorer', async () => {
    const user = setup({}, { wallet: { decision: 'approve' } })
    await logInAs(user, 'alice')
    const menuButton = await screen.findByRole('button', { name: 'Account menu for @alice' })
    menuButton.focus()
    await user.keyboard('{ArrowDown}')
    const menu = screen.getByRole('menu', { name: 'Account menu for @alice' })
    const names = within(menu)
      .getAllByRole('menuitem')
      .map((item) => item.textContent)
    expect(names).toEqual(['Add account', 'Copy account name', 'View on block explorer', 'Log out @alice'])
    const focused = () => document.activeElement?.textContent
    expect(focused()).toBe('Add account')
    await user.keyboard('{ArrowDown}')
    expect(focused()).toBe('Copy account name')
    await user.keyboard('{End}')
    expect(focused()).toBe('Log out @alice')
    await user.keyboard('{ArrowDown}')
    expect(focused()).toBe('Add account') // it wraps
    await user.keyboard('{ArrowUp}{Home}')
    expect(focused()).toBe('Add account')
    await user.keyboard('{Tab}')
    expect(screen.queryByRole('menu')).toBeNull()
    menuButton.focus()
    await user.keyboard('{ArrowUp}')
    expect(focused()).toBe('Log out @alice')
    await user.keyboard('{Escape}')
    expect(document.activeElement).toBe(menuButton)
    await user.click(menuButton)
    const explorer = screen.getByRole('menuitem', { name: 'View on block explorer' })
    expect(explorer.getAttribute('href')).toBe('https://hivehub.dev/@alice')
    expect(explorer.getAttribute('target')).toBe('_blank')
    await user.click(screen.getByRole('menuitem', { name: 'Copy account name' }))
    expect(await navigator.clipboard.readText()).toBe('alice')
    expect(screen.getByRole('menuitem', { name: 'Copied' })).toBeTruthy()
    await expectNoAxeViolations(menuButton.closest('.has-account')!)
  })

  it('speaks another language, outcomes included: no English from the core reaches the screen', async () => {
    const user = setup({ labels: esLabels })
    await user.click(await screen.findByRole('button', { name: 'Entrar con HiveAuth' }))
    const dialog = await screen.findByRole('dialog', { name: 'Entrar con HiveAuth' })
    await user.type(within(dialog).getByLabelText('Cuenta de Hive'), 'alice')
    await user.click(within(dialog).getByRole('button', { name: 'Continuar' }))
    await act(async () => kit.wallet.scan((await within(dialog).findByRole('link', { name: 'Abrir en la cartera' })).getAttribute('href')!))
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
    expect(within(dialog).getByText('Aprueba el acceso de @alice en tu cartera')).toBeTruthy()
    act(() => kit.wallet.reject(kit.wallet.pending()[0]!.uuid))
    const result = await within(dialog).findByRole('status')
    expect(result.textContent).toContain(esLabels.rejectedBody)
    expect(result.textContent).not.toMatch(/declined|request|wallet/i)
    expect(within(dialog).getByRole('button', { name: 'Reintentar' })).toBeTruthy()
  })
})

describe('HasLoginButton.Custom', () => {
  it('hands the same state and actions to a render function', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    render(
      <HasProvider app={{ name: 'Custom' }} devkit={kit.devkit} storage={kit.storage}>
        <HasLoginButton.Custom>
          {({ session, openModal, status }) => (
            <button type="button" onClick={openModal}>
              {session ? `me: ${session.account}` : `sign in (${status})`}
            </button>
          )}
        </HasLoginButton.Custom>
      </HasProvider>,
    )
    await user.click(await screen.findByRole('button', { name: 'sign in (idle)' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('Hive account'), 'bob')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await act(async () => kit.wallet.scan((await within(dialog).findByRole('link', { name: 'Open in wallet' })).getAttribute('href')!))
    expect(await screen.findByRole('button', { name: 'me: bob', hidden: true })).toBeTruthy()
  })
})
