import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { HasQrModal } from '../src/components/HasQrModal/HasQrModal'
import { approveInWallet, enterAccount, playgroundOf, scanInWallet } from './support/play'

/** A stand-in app logo (inline, so the story stays offline). */
const LOGO =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#e31337"/><path d="M9 8h4v6h6V8h4v16h-4v-6h-6v6H9z" fill="#fff"/></svg>',
  )

const meta = {
  title: 'Components/HasQrModal',
  component: HasQrModal,
  args: { defaultOpen: true },
  parameters: {
    docs: {
      description: {
        component:
          'The login dialog. Its steps follow the request: account → QR code and link → outcome. `data-status` on its root mirrors the request state.',
      },
    },
  },
} satisfies Meta<typeof HasQrModal>

export default meta
type Story = StoryObj<typeof meta>

/** First step: the account name. */
export const AccountEntry: Story = {}

/** Hive's account-name rules, checked before anything is sent. */
export const InvalidAccount: Story = {
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement).findByRole('dialog'))
    await userEvent.type(dialog.getByLabelText('Hive account'), '1-bad')
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }))
    await expect(dialog.getByRole('alert')).toHaveTextContent(/starts with a letter/)
  },
}

/** A mistyped account that Hive does not know: said before any QR code or countdown (the chain is asked first). */
export const UnknownAccount: Story = {
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement).findByRole('dialog'))
    await userEvent.type(dialog.getByLabelText('Hive account'), 'alcie')
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }))
    await expect(await dialog.findByRole('alert')).toHaveTextContent('No Hive account is named @alcie.')
    await expect(dialog.queryByRole('link', { name: 'Open in wallet' })).toBeNull()
  },
}

/**
 * The relay goes away while the wallet has not answered: the code is dimmed and says it cannot be scanned (no wallet
 * could reach the request); it comes back live once the relay does (the playground stays offline here).
 */
export const RelayOutage: Story = {
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
    playgroundOf(canvasElement).devkit.setOffline(true)
    const dialog = within(within(canvasElement).getByRole('dialog'))
    await waitFor(() => expect(dialog.getByText(/cannot be scanned until the connection is back/)).toBeVisible())
  },
}

/** Waiting for the wallet: QR code, "Open in wallet", "Copy link", countdown, Cancel. Approve it in the wallet panel. */
export const Waiting: Story = {
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
  },
}

/** The wallet approved: the modal closes by itself (the page behind then shows the account). */
export const ClosesOnApproval: Story = {
  parameters: { has: { decision: 'approve' } },
  play: async ({ canvasElement }) => {
    await scanInWallet(canvasElement, await enterAccount(canvasElement))
    await waitFor(() => expect(within(canvasElement).queryByRole('dialog')).toBeNull())
  },
}

/** With `keepSuccessStep` the modal shows "Logged in" until Done. */
export const Approved: Story = {
  args: { keepSuccessStep: true },
  parameters: { has: { decision: 'approve' } },
  play: async ({ canvasElement }) => {
    await scanInWallet(canvasElement, await enterAccount(canvasElement))
    await within(canvasElement).findByText('You are logged in as @alice.')
  },
}

/** Back from the QR code: the request is cancelled and the account name is kept, to fix a typo. */
export const BackToAccount: Story = {
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement, 'bob')
    const dialog = within(within(canvasElement).getByRole('dialog'))
    await userEvent.click(dialog.getByRole('button', { name: 'Back' }))
    await expect(dialog.getByLabelText('Hive account')).toHaveValue('bob')
  },
}

/** Accounts logged in before on this device are one tap away (names only; nothing secret is kept for them). */
export const RecentAccounts: Story = {
  parameters: { has: { recent: ['alice', 'bob'] } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', { name: 'Continue as @alice' })
  },
}

/** "Don't have a wallet app?": what HiveAuth is, and where to get a wallet (the list is a prop). */
export const Help: Story = {
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement).findByRole('dialog'))
    await userEvent.click(dialog.getByRole('button', { name: "Don't have a wallet app?" }))
    await dialog.findByText('What is HiveAuth?')
  },
}

/** The last 10 seconds: the countdown turns urgent and says so (here the relay gives requests 9 seconds). */
export const LastSeconds: Story = {
  parameters: { has: { relay: { timeout: 9 } } },
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
    await within(canvasElement).findByText('Almost out of time: approve now, or try again.')
  },
}

/** `autoRenew`: an expired QR code is replaced by a fresh one by itself (here once, with 3-second requests). */
export const AutoRenew: Story = {
  args: { autoRenew: 1 },
  // A 3 s relay timeout instead of a minute, so the renewal is seen at once.
  parameters: { has: { relay: { timeout: 3 } } },
  play: async ({ canvasElement }) => {
    const first = await enterAccount(canvasElement)
    await waitFor(() => expect(within(canvasElement).getByRole('link', { name: 'Open in wallet' }).getAttribute('href')).not.toBe(first), {
      timeout: 6000,
    })
  },
}

/** The user declined in the wallet: neutral, with "Try again". */
export const Rejected: Story = {
  parameters: { has: { decision: 'reject' } },
  play: async ({ canvasElement }) => {
    await scanInWallet(canvasElement, await enterAccount(canvasElement))
    await within(canvasElement).findByText('Request declined')
  },
}

/** Cancelled in the dApp. */
export const Cancelled: Story = {
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Cancel' }))
    await within(canvasElement).findByText('Request cancelled')
  },
}

/** The relay's 2-second lifetime ran out; "Try again" issues a new request. */
export const Expired: Story = {
  // A 2 s relay timeout instead of a minute, so the expiry is seen at once.
  parameters: { has: { relay: { timeout: 2 } } },
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
    await within(canvasElement).findByText('Request expired', undefined, { timeout: 5000 })
  },
}

/** The wallet answered with an error: its message is shown. */
export const Failed: Story = {
  parameters: { has: { decision: 'error' } },
  play: async ({ canvasElement }) => {
    await scanInWallet(canvasElement, await enterAccount(canvasElement))
    await within(canvasElement).findByText('Something went wrong')
  },
}

/** The login also signs a challenge (proof of key ownership for your backend): the modal says so before the wallet does. */
export const WithChallenge: Story = {
  args: {
    keepSuccessStep: true,
    loginOptions: { challenge: { keyType: 'posting', message: 'login to example.com at 2026-11-22' } },
  },
  play: async ({ canvasElement }) => {
    const link = await enterAccount(canvasElement)
    await within(canvasElement).findByText('Your wallet will also sign a message to prove that you own @alice.')
    await scanInWallet(canvasElement, link)
    await approveInWallet(canvasElement)
    await within(canvasElement).findByText('You are logged in as @alice.')
  },
}

/**
 * A verified login: the wallet signs a message that the page checks on the (in-page) Hive node; the modal explains it
 * while waiting and says "Verified login" in words at the end.
 */
export const VerifiedLogin: Story = {
  args: { keepSuccessStep: true, loginOptions: { verify: true } },
  parameters: { has: { decision: 'approve', verify: true } },
  play: async ({ canvasElement }) => {
    const link = await enterAccount(canvasElement)
    await within(canvasElement).findByText('Your wallet will also sign a message to prove that you own @alice.')
    await scanInWallet(canvasElement, link)
    await within(canvasElement).findByText(/Verified login: the key your wallet signed with belongs to @alice/)
  },
}

/**
 * A verified login through Hive Keychain Mobile's wallet profile: its bridge never answers a challenge with a line break,
 * so the kit sends the Sign in with Hive message as its Buffer-JSON envelope, which Keychain signs over the message's
 * own bytes.
 */
export const VerifiedLoginKeychainMobile: Story = {
  args: { keepSuccessStep: true, loginOptions: { verify: true } },
  parameters: { has: { decision: 'approve', verify: true, profile: 'keychain' } },
  play: async ({ canvasElement }) => {
    await scanInWallet(canvasElement, await enterAccount(canvasElement))
    await within(canvasElement).findByText(/Verified login: the key your wallet signed with belongs to @alice/)
  },
}

/** A slow relay (800 ms each way): after 300 ms a placeholder of the QR code's size holds its place, so nothing jumps. */
export const SlowRelay: Story = {
  parameters: { has: { relay: { latencyMs: 800 } } },
  play: async ({ canvasElement }) => {
    const dialog = await within(canvasElement).findByRole('dialog')
    await userEvent.type(within(dialog).getByRole('textbox'), 'alice{Enter}')
    await waitFor(() => expect(dialog.querySelector('.has-qr-skeleton')).not.toBeNull(), { timeout: 3000 })
    await within(dialog).findByText('Connecting to HiveAuth…')
    await waitFor(() => expect(dialog.querySelector('.has-qr svg')).not.toBeNull(), { timeout: 5000 })
  },
}

/**
 * On a phone the modal is a sheet at the bottom: "Open in wallet" first, and the QR code folded away (one tap shows
 * it), since the phone showing it cannot scan it. Without the wallet panel, so the sheet is seen as on a real page.
 */
export const Phone: Story = {
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  parameters: { has: { walletPanel: false } },
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
  },
}

/** `qrLogo`: your logo in the QR code's centre; the code switches to error correction level M and still scans. */
export const WithLogo: Story = {
  args: { qrLogo: LOGO },
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
    await waitFor(() => expect(canvasElement.ownerDocument.querySelector('.has-qr svg image')).not.toBeNull())
  },
}

/** Dark theme: the QR code keeps its white quiet zone. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
  },
}

/** Right to left (Arabic): the layout mirrors; the account name and the link stay left to right. */
export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
  },
}

/** The pseudo-locale: every label 40 % longer and accented, to catch text that is cut off or never translated. */
export const PseudoLocale: Story = {
  globals: { locale: 'pseudo' },
  play: async ({ canvasElement }) => {
    await enterAccount(canvasElement)
  },
}

/**
 * Service mode: the dApp shares a secret with a headless PKSA (the official hive-auth-pksa), which learns the
 * auth_key from the request itself. Nothing is scanned: type an account and the service wallet approves.
 */
export const ServiceMode: Story = {
  args: { keepSuccessStep: true },
  parameters: { has: { profile: 'pksa-service', secret: 'shared-with-the-pksa', decision: 'approve' } },
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement).findByRole('dialog'))
    await userEvent.type(dialog.getByLabelText('Hive account'), 'alice')
    await userEvent.click(dialog.getByRole('button', { name: 'Continue' }))
    await within(canvasElement).findByText('You are logged in as @alice.', undefined, { timeout: 5000 })
  },
}

/** Service mode while the service PKSA has the request: no QR code and no link (nothing to scan), the countdown, Cancel. */
export const ServiceModeWaiting: Story = {
  parameters: { has: { profile: 'pksa-service', secret: 'shared-with-the-pksa', decision: 'manual' } },
  play: async ({ canvasElement }) => {
    const dialogElement = await within(canvasElement).findByRole('dialog')
    const dialog = within(dialogElement)
    await userEvent.type(dialog.getByLabelText('Hive account'), 'alice{Enter}')
    await dialog.findByText('Approve it on your service device: there is nothing to scan here.', undefined, { timeout: 5000 })
    await expect(dialogElement.querySelector('.has-qr')).toBeNull()
    await expect(dialog.queryByRole('link', { name: 'Open in wallet' })).toBeNull()
    // The step fades in (from opacity 0): wait for the fade, not just the text.
    await waitFor(() => expect(dialog.getByText(/\d+s left/)).toBeVisible())
  },
}

/** The HiveAuth app approves a login without the challenge when it lacks that key role: the outcome names the role. */
export const MissingKey: Story = {
  args: { loginOptions: { challenge: { keyType: 'active', message: 'log in with the active key' } } },
  parameters: { has: { profile: 'hiveauth-mobile', decision: 'approve', accounts: [{ name: 'alice', lacks: ['active'] }, 'bob'] } },
  play: async ({ canvasElement }) => {
    await scanInWallet(canvasElement, await enterAccount(canvasElement))
    await within(canvasElement).findByText(/may not hold that key of @alice/)
    await expect(within(canvasElement).queryByRole('button', { name: 'Try again' })).toBeNull()
  },
}
