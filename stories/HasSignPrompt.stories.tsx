import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { HasSignPrompt } from '../src/components/HasSignPrompt/HasSignPrompt'
import { approveInWallet, clickThenSeeDialog, playgroundOf } from './support/play'
import { SignDemo } from './support/SignDemo'

const meta = {
  title: 'Components/HasSignPrompt',
  component: HasSignPrompt,
  render: () => <SignDemo />,
  parameters: {
    has: { loggedIn: ['alice'] },
    docs: {
      description: {
        component:
          'Follows a `useHasSign()` or `useHasChallenge()` mutation: what is signed, with which key, the countdown and "Open in wallet", then the txid or the error.',
      },
    },
  },
} satisfies Meta<typeof HasSignPrompt>

export default meta
type Story = StoryObj<typeof meta>
// The render function supplies the mutation; the controls panel has nothing to set.
const noArgs = { mutation: undefined as never }

/** Logged in, nothing asked yet. */
export const Idle: Story = { args: noArgs }

/** A vote waits in the wallet: approve or reject it in the wallet panel. */
export const Waiting: Story = {
  args: noArgs,
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Upvote @hiveio/welcome', 'Approve the transaction in your wallet'),
}

/** Approved and broadcast: the transaction id. */
export const Signed: Story = {
  args: noArgs,
  parameters: { has: { loggedIn: ['alice'], decision: 'approve' } },
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Upvote @hiveio/welcome', 'Transaction approved'),
}

/** Declined in the wallet. */
export const Declined: Story = {
  args: noArgs,
  parameters: { has: { loggedIn: ['alice'], decision: 'reject' } },
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Upvote @hiveio/welcome', 'Request declined'),
}

/** A message to sign (a challenge), waiting in the wallet. */
export const Challenge: Story = {
  args: noArgs,
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Sign a message', 'Sign the message in your wallet'),
}

/** The signed message. */
export const ChallengeSigned: Story = {
  args: noArgs,
  parameters: { has: { loggedIn: ['alice'], decision: 'approve' } },
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Sign a message', 'Message signed'),
}

/**
 * The chain refused the transaction (a transfer needs the active key). Hive Keychain reports it with the frame it uses
 * for a refusal; the kit tells the two apart and says the transaction failed, quoting the chain's text.
 */
export const ChainFailure: Story = {
  args: noArgs,
  render: () => <SignDemo chainFailure />,
  parameters: { has: { loggedIn: ['alice'], decision: 'approve', profile: 'keychain' } },
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Transfer with the posting key', 'Transaction failed'),
}

/** Several operations at once: a plain-language line for each, the raw JSON behind "Show the raw operations". */
export const ManyOperations: Story = {
  args: noArgs,
  render: () => <SignDemo manyOps />,
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Publish, vote and follow', 'Approve the transaction in your wallet'),
}

/** A dangerous transaction (250,000 HIVE) opens with a warning no one can miss: an alert that says what it moves. */
export const DangerousTransfer: Story = {
  args: noArgs,
  render: () => <SignDemo danger />,
  play: async ({ canvasElement }) => {
    await clickThenSeeDialog(canvasElement, 'Send 250,000 HIVE', 'Approve the transaction in your wallet')
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog')
    await expect(within(dialog).getByRole('alert')).toHaveTextContent('It moves 250,000.000 HIVE.')
  },
}

/**
 * Cancelled here while the wallet had it: the prompt says approving it there would still sign, and it did (HAS has no
 * cancel message). The client kept listening: the transaction id of what was signed after all, as an alert.
 */
export const CancelledThenApprovedInWallet: Story = {
  args: noArgs,
  render: () => <SignDemo danger />,
  play: async ({ canvasElement }) => {
    await clickThenSeeDialog(canvasElement, 'Send 250,000 HIVE', 'Approve the transaction in your wallet')
    const body = within(canvasElement.ownerDocument.body)
    await userEvent.click(await within(body.getByRole('dialog')).findByRole('button', { name: 'Cancel' }))
    const cancelled = await body.findByRole('dialog', { name: 'Request cancelled' })
    await expect(within(cancelled).getByRole('status')).toHaveTextContent('approving it there would still sign it')
    await approveInWallet(canvasElement)
    const late = await body.findByRole('dialog', { name: 'Approved in your wallet after all' })
    await expect(within(late).getByRole('alert')).toHaveTextContent('it was signed')
  },
}

/** Right to left (Arabic): the sentences mirror, amounts and accounts stay isolated, the raw JSON stays left to right. */
export const RightToLeftRawOperations: Story = {
  args: noArgs,
  globals: { locale: 'ar' },
  render: () => <SignDemo manyOps />,
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: 'Publish, vote and follow' }))
    const dialog = await within(canvasElement.ownerDocument.body).findByRole('dialog')
    const summary = dialog.querySelector('summary')!
    await userEvent.click(summary)
    await expect(dialog.querySelector('pre')).toHaveAttribute('dir', 'ltr')
  },
}

/** A signed transaction on a 360 px phone: the transaction id wraps, with Copy and the explorer link. */
export const SignedOnPhone: Story = {
  args: noArgs,
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  parameters: { has: { loggedIn: ['alice'], decision: 'approve' } },
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Upvote @hiveio/welcome', 'Transaction approved'),
}

/** Logged in with Hive Keychain (the devkit's fake extension): a vote waits in Keychain's window, no link to open. */
export const KeychainWaiting: Story = {
  args: noArgs,
  parameters: { has: { loggedIn: ['alice'], loggedInWith: 'keychain', extensions: [{ decision: 'approve' }] } },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('button', { name: 'Upvote @hiveio/welcome' }) // alice is in
    playgroundOf(canvasElement).extensions[0]!.setDecision('manual')
    await clickThenSeeDialog(canvasElement, 'Upvote @hiveio/welcome', 'Approve the transaction in your wallet')
    const dialog = within(await within(canvasElement).findByRole('dialog'))
    await dialog.findByText('Approve in Hive Keychain')
    await expect(dialog.queryByRole('link', { name: 'Open in wallet' })).toBeNull()
  },
}

/** A vote through each browser wallet the session was opened with (the devkit's fakes), broadcast to the in-page node. */
const signedThrough = (has: Record<string, unknown>): Story => ({
  args: noArgs,
  parameters: { has: { loggedIn: ['alice'], ...has } },
  play: ({ canvasElement }) => clickThenSeeDialog(canvasElement, 'Upvote @hiveio/welcome', 'Transaction approved'),
})

/** Approved in Hive Keychain's window: the transaction id. */
export const KeychainSigned: Story = signedThrough({ loggedInWith: 'keychain', extensions: [{ decision: 'approve' }] })

/** Approved in Peak Vault. */
export const PeakVaultSigned: Story = signedThrough({ loggedInWith: 'peakvault', extensions: [{ wallet: 'peakvault', decision: 'approve' }] })

/** Broadcast through HiveSigner's API (the devkit's in-page HiveSigner): no window for a vote. */
export const HiveSignerSigned: Story = signedThrough({ loggedInWith: 'hivesigner', hiveSigner: { decision: 'approve' } })
