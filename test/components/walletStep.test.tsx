// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { hiveSigner } from '../../src/core/connectors/hiveSigner'
import { type FakeKeychain, type FakeKeychainOptions, installFakeKeychain } from '../../src/devkit/fakeKeychain'
import { installFakePeakVault } from '../../src/devkit/fakePeakVault'
import { HasProvider, type HasProviderProps } from '../../src/react/HasProvider'
import { useHasSession } from '../../src/react/hooks/useHasSession'
import { expectNoAxeViolations } from '../support/axe'
import { createReactDevkit } from '../support/reactDevkit'

// The drop-in with the browser wallets it finds: with no configuration it offers an installed Hive Keychain (or Hive
// Keeper) beside HiveAuth in a first "Choose a wallet" step, logs in through it, and says what its refusals mean;
// with nothing installed, or with `connectors={[]}`, it is today's HiveAuth modal.

let kit: ReturnType<typeof createReactDevkit> | undefined
const fakes: FakeKeychain[] = []
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  for (const fake of fakes.splice(0)) fake.uninstall()
  kit?.close()
  kit = undefined
})

function SessionProbe() {
  const session = useHasSession()
  return <output aria-label="session">{session ? `${session.account} via ${session.connector ?? 'hiveauth'}` : 'none'}</output>
}

function renderDropIn(props: Partial<HasProviderProps> = {}, ...wallets: Partial<FakeKeychainOptions>[]) {
  for (const wallet of wallets) fakes.push(installFakeKeychain({ accounts: ['alice'], ...wallet }))
  kit = createReactDevkit()
  render(
    <HasProvider app={{ name: 'Wallet step' }} devkit={kit.devkit} storage={kit.storage} {...props}>
      <SessionProbe />
      <HasLoginButton avatarUrl={false} />
    </HasProvider>,
  )
  return userEvent.setup()
}

async function openModal(user: ReturnType<typeof userEvent.setup>) {
  await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
  return screen.findByRole('dialog')
}

describe('the wallet step', () => {
  it('offers an installed Hive Keychain first, then HiveAuth, and logs in through Keychain', async () => {
    const user = renderDropIn({}, {})
    const dialog = await openModal(user)
    expect(screen.getByRole('dialog', { name: 'Log in' })).toBe(dialog)
    const choices = within(dialog).getAllByRole('button', { name: /Hive Keychain|HiveAuth/ })
    expect(choices.map((c) => c.textContent)).toEqual(['KCHive KeychainInstalled', 'HAHiveAuthScan with your phone'])
    expect(document.activeElement).toBe(choices[0])
    await expectNoAxeViolations(dialog)

    await user.click(choices[0]!)
    await user.type(within(dialog).getByLabelText('Hive account'), 'alice{Enter}')
    await waitFor(() => expect(screen.getByLabelText('session').textContent).toBe('alice via keychain'))
    expect(fakes[0]!.requests[0]).toMatchObject({ type: 'signBuffer', account: 'alice', role: 'Posting' })
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(kit!.devkit.relay.requests()).toHaveLength(0)
  })

  it('shows where to approve while Keychain has the request, and Back returns to the wallets', async () => {
    const user = renderDropIn({}, { decision: 'manual' })
    const dialog = await openModal(user)
    await user.click(within(dialog).getByRole('button', { name: /Hive Keychain/ }))
    await user.type(within(dialog).getByLabelText('Hive account'), 'alice{Enter}')
    await within(dialog).findByText('Approve in Hive Keychain')
    expect(within(dialog).getByText(/No window\? Click the Hive Keychain icon/)).toBeTruthy()
    expect(within(dialog).queryByRole('link', { name: 'Open in wallet' })).toBeNull()
    await user.click(within(dialog).getByRole('button', { name: 'Back' }))
    await user.click(within(dialog).getByRole('button', { name: 'Back' }))
    expect(within(dialog).getByText('Choose a wallet')).toBeTruthy()
  })

  it('says that a refusal may also be a missing key (Keychain cannot tell them apart)', async () => {
    const user = renderDropIn({}, { decision: 'cancel' })
    const dialog = await openModal(user)
    await user.click(within(dialog).getByRole('button', { name: /Hive Keychain/ }))
    await user.type(within(dialog).getByLabelText('Hive account'), 'alice{Enter}')
    await within(dialog).findByText('The request was declined, or your wallet does not hold the posting key of @alice.')
    expect(screen.getByLabelText('session').textContent).toBe('none')
  })

  it('HiveAuth from the wallet step is today’s QR login', async () => {
    const user = renderDropIn({}, {})
    const dialog = await openModal(user)
    await user.click(within(dialog).getByRole('button', { name: /HiveAuth/ }))
    expect(screen.getByRole('dialog', { name: 'Log in with HiveAuth' })).toBe(dialog)
    await user.type(within(dialog).getByLabelText('Hive account'), 'bob{Enter}')
    const link = await within(dialog).findByRole('link', { name: 'Open in wallet' })
    await act(() => kit!.wallet.scan(link.getAttribute('href')!))
    await waitFor(() => expect(screen.getByLabelText('session').textContent).toBe('bob via hiveauth'))
    expect(fakes[0]!.requests).toHaveLength(0)
  })

  it('offers Peak Vault when it is installed, and logs in through it', async () => {
    const vault = installFakePeakVault({ accounts: ['alice'] })
    try {
      const user = renderDropIn()
      const dialog = await openModal(user)
      await user.click(within(dialog).getByRole('button', { name: /Peak Vault/ }))
      await user.type(within(dialog).getByLabelText('Hive account'), 'alice{Enter}')
      await waitFor(() => expect(screen.getByLabelText('session').textContent).toBe('alice via peakvault'))
      expect(vault.requests[0]).toMatchObject({ type: 'signBuffer', account: 'alice', role: 'posting' })
    } finally {
      vault.uninstall()
    }
  })

  it('warns when Keychain and Keeper are both installed: both may open a window', async () => {
    const user = renderDropIn({}, {}, { keeper: true })
    const dialog = await openModal(user)
    expect(within(dialog).getAllByRole('button', { name: /Hive Keychain|Hive Keeper|HiveAuth/ })).toHaveLength(3)
    expect(within(dialog).getByRole('note').textContent).toBe(
      'Hive Keychain and Hive Keeper are both installed: each may open a window for the same request.',
    )
  })
})

describe('no choice, no step', () => {
  it('with no browser wallet installed, the modal is today’s HiveAuth login', async () => {
    const user = renderDropIn()
    const dialog = await openModal(user)
    expect(screen.getByRole('dialog', { name: 'Log in with HiveAuth' })).toBe(dialog)
    expect(within(dialog).getByLabelText('Hive account')).toBeTruthy()
    expect(within(dialog).queryByText('Choose a wallet')).toBeNull()
  })

  it('with connectors={[]} (HiveAuth alone), an installed Keychain is not offered', async () => {
    const user = renderDropIn({ connectors: [] }, {})
    const dialog = await openModal(user)
    expect(within(dialog).getByLabelText('Hive account')).toBeTruthy()
    expect(within(dialog).queryByText('Choose a wallet')).toBeNull()
  })
})

describe('HiveSigner in the wallet step', () => {
  const connectors = [hiveSigner({ app: 'my.app', callbackUrl: 'https://dapp.example/callback', baseUrl: 'https://hivesigner.example' })]

  it('is offered after HiveAuth; its window opens in the click, and the modal says to continue there', async () => {
    const opened: { href: string; closed: boolean }[] = []
    vi.stubGlobal('open', () => {
      const popup = { href: 'about:blank', closed: false }
      opened.push(popup)
      return { location: popup, close: () => void (popup.closed = true) }
    })
    const user = renderDropIn({ connectors })
    const dialog = await openModal(user)
    const names = within(dialog)
      .getAllByRole('button', { name: /HiveAuth|HiveSigner/ })
      .map((b) => b.textContent)
    expect(names).toEqual(['HAHiveAuthScan with your phone', 'HSHiveSigner'])
    await user.click(within(dialog).getByRole('button', { name: /HiveSigner/ }))
    await user.type(within(dialog).getByLabelText('Hive account'), 'alice{Enter}')
    await within(dialog).findByText('Continue in HiveSigner')
    expect(opened).toHaveLength(1)
    await waitFor(() => expect(opened[0]!.href).toMatch(/^https:\/\/hivesigner\.example\/oauth2\/authorize\?client_id=my\.app&/))
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(opened[0]!.closed).toBe(true))
  })

  it('is not offered when logins are verified: its token proves no site and no nonce', async () => {
    const user = renderDropIn({ connectors, verify: true })
    const dialog = await openModal(user)
    expect(within(dialog).queryByText('Choose a wallet')).toBeNull()
    expect(within(dialog).getByLabelText('Hive account')).toBeTruthy()
  })
})
