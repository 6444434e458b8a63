import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { HasQrModal } from '../src/components/HasQrModal/HasQrModal'
import { playgroundOf } from './support/play'
import type { StoryExtension } from './support/playground'

const meta = {
  title: 'Wallets/Browser wallets',
  component: HasQrModal,
  args: { defaultOpen: true, keepSuccessStep: true },
  parameters: {
    docs: {
      description: {
        component:
          'The modal with the browser wallets it finds (the devkit’s fake Hive Keychain, Hive Keeper and Peak Vault, answering as the extensions do) and HiveSigner (the devkit’s in-page HiveSigner): a "Choose a wallet" step, each wallet’s waiting step, and each outcome.',
      },
    },
  },
} satisfies Meta<typeof HasQrModal>

export default meta
type Story = StoryObj<typeof meta>

/** Picks a wallet in the open modal's first step and logs `account` in with it. */
async function logInWith(canvasElement: HTMLElement, wallet: RegExp, account = 'alice') {
  const dialog = within(await within(canvasElement).findByRole('dialog'))
  await userEvent.click(await dialog.findByRole('button', { name: wallet }))
  await userEvent.type(dialog.getByRole('textbox'), `${account}{Enter}`)
  return dialog
}

/** A story that logs alice in, verified on the in-page node, through the one browser wallet `extension` installs. */
function verifiedLogin(extension: StoryExtension, wallet: RegExp): Story {
  return {
    args: { loginOptions: { verify: true } },
    parameters: { has: { extensions: [extension], verify: true } },
    play: async ({ canvasElement }) => {
      const dialog = await logInWith(canvasElement, wallet)
      await dialog.findByText(/Verified login: the key your wallet signed with belongs to @alice/)
    },
  }
}

/** Hive Keychain is installed: it comes first, HiveAuth ("scan with your phone") is always there. */
export const ChooseAWallet: Story = {
  parameters: { has: { extensions: [{}] } },
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement).findByRole('dialog', { name: 'Log in' }))
    const names = dialog.getAllByRole('button', { name: /Hive Keychain|HiveAuth/ }).map((b) => b.textContent)
    await expect(names).toEqual(['KCHive KeychainInstalled', 'HAHiveAuthScan with your phone'])
  },
}

/** A verified login through Hive Keychain: it signs a Sign in with Hive message, checked on the in-page Hive node. */
const keychainLogin = verifiedLogin({}, /Hive Keychain/)
export const KeychainVerifiedLogin: Story = {
  ...keychainLogin,
  play: async (context) => {
    await keychainLogin.play!(context)
    await expect(playgroundOf(context.canvasElement).extensions[0]!.requests[0]).toMatchObject({ type: 'signBuffer', account: 'alice' })
  },
}

/** While Keychain's window has the request: where to look, and what to do when no window came. */
export const KeychainWaiting: Story = {
  parameters: { has: { extensions: [{ decision: 'manual' }] } },
  play: async ({ canvasElement }) => {
    const dialog = await logInWith(canvasElement, /Hive Keychain/)
    await dialog.findByText('Approve in Hive Keychain')
    await dialog.findByText(/No window\? Click the Hive Keychain icon/)
  },
}

/** The user closed Keychain's window, or Keychain lacks the account: it says the same for both, and so does the modal. */
export const KeychainDeclined: Story = {
  parameters: { has: { extensions: [{ accounts: ['alice'] }] } },
  play: async ({ canvasElement }) => {
    const dialog = await logInWith(canvasElement, /Hive Keychain/, 'bob')
    await dialog.findByText('The request was declined, or your wallet does not hold the posting key of @bob.')
  },
}

/** Inside Keychain Mobile's browser: Keychain first; the message (several lines) travels as bytes its bridge can sign. */
export const KeychainMobileBrowser: Story = verifiedLogin({ mobile: true }, /Hive Keychain/)

/** Hive Keeper (Ecency's extension), found in `window.hive.providers` by its rdns. */
export const KeeperVerifiedLogin: Story = verifiedLogin({ keeper: true }, /Hive Keeper/)

/** Peak Vault (PeakD's extension, `window.peakvault`), faked from the shapes its consumers document. */
export const PeakVaultVerifiedLogin: Story = verifiedLogin({ wallet: 'peakvault' }, /Peak Vault/)

/** Keychain and Keeper both installed: both may open a window for one request, and the user is told. */
export const KeychainAndKeeper: Story = {
  parameters: { has: { extensions: [{}, { keeper: true }] } },
  play: async ({ canvasElement }) => {
    const dialog = within(await within(canvasElement).findByRole('dialog'))
    await expect(dialog.getByRole('note')).toHaveTextContent('Hive Keychain and Hive Keeper are both installed')
  },
}

/** HiveSigner, the web wallet (the devkit's in-page HiveSigner): its window logs alice in, the token comes back to the tab. */
export const HiveSignerLogin: Story = {
  parameters: { has: { hiveSigner: { decision: 'approve' } } },
  play: async ({ canvasElement }) => {
    const dialog = await logInWith(canvasElement, /HiveSigner/)
    await dialog.findByText('You are logged in as @alice.')
    const signer = playgroundOf(canvasElement).extensions.at(-1)!
    await expect(signer.requests).toMatchObject([{ type: 'authorize', account: 'alice' }])
  },
}

/** While HiveSigner's window has the login: where to continue, and what to do if it was closed. */
export const HiveSignerWaiting: Story = {
  parameters: { has: { hiveSigner: { decision: 'manual' } } },
  play: async ({ canvasElement }) => {
    const dialog = await logInWith(canvasElement, /HiveSigner/)
    await dialog.findByText('Continue in HiveSigner')
    await dialog.findByText(/in the HiveSigner window that opened/)
  },
}
