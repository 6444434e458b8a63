import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { HasLoginButton } from '../src/components/HasLoginButton/HasLoginButton'
import { enterAccount, scanInWallet } from './support/play'

/** An avatar "service" in a data URL: a coloured disc with the account's initial. */
const LOCAL_AVATAR = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="12" fill="#5b3fd6"/><text x="12" y="16.5" font-size="13" font-family="sans-serif" text-anchor="middle" fill="#fff">@</text></svg>',
)}#{account}`

const meta = {
  title: 'Components/HasLoginButton',
  component: HasLoginButton,
  parameters: {
    docs: {
      description: { component: 'Logged out it opens the login modal; logged in it shows the account with a menu to switch, add and log out.' },
    },
  },
} satisfies Meta<typeof HasLoginButton>

export default meta
type Story = StoryObj<typeof meta>

/** Nobody is logged in. Click it to play the whole login with the wallet panel. */
export const LoggedOut: Story = {}

/**
 * Sessions kept in localStorage: log in, then reload the page. While the stored session is restored the button holds
 * its place with a neutral placeholder, never "Log in", then shows the account.
 */
export const ReturningUser: Story = { parameters: { has: { persist: true, decision: 'approve' } } }

/** One account logged in (avatars off: initials, no image request). */
export const LoggedIn: Story = { parameters: { has: { loggedIn: ['alice'] } } }

/** Two accounts: the menu switches between them, adds another, logs out. */
export const AccountMenu: Story = {
  parameters: { has: { loggedIn: ['alice', 'bob'] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const trigger = await canvas.findByRole('button', { name: 'Account menu for @bob' })
    await userEvent.click(trigger)
    await expect(await canvas.findByRole('menuitem', { name: 'Switch to @alice' })).toBeVisible()
  },
}

/**
 * With avatars from a URL template. In a dApp: `avatarUrl="https://images.hive.blog/u/{account}/avatar/small"`. Here an
 * SVG drawn locally stands in for the image service, so the story works offline.
 */
export const WithAvatar: Story = {
  args: { avatarUrl: LOCAL_AVATAR },
  parameters: { has: { loggedIn: ['alice', 'bob'] } },
}

/**
 * A verified login, offline: the wallet signs a Sign in with Hive message, and the kit checks on the in-page Hive node
 * that the key carries @alice's posting authority before the login counts. The button then shows a verified mark.
 */
export const VerifiedLogin: Story = {
  parameters: { has: { verify: true, decision: 'approve' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.click(await canvas.findByRole('button', { name: 'Log in with HiveAuth' }))
    await scanInWallet(canvasElement, await enterAccount(canvasElement))
    await canvas.findByRole('button', { name: 'Account menu for @alice (Verified login)' }, { timeout: 5000 })
  },
}

/** The dark theme, set on the component. */
export const Dark: Story = { globals: { theme: 'dark' }, parameters: { has: { loggedIn: ['alice'] } } }

/** Spanish labels. */
export const Spanish: Story = { globals: { locale: 'es' } }

/** Right to left, logged in: the menu opens towards the side with room. */
export const RightToLeft: Story = {
  globals: { locale: 'ar' },
  parameters: { has: { loggedIn: ['alice', 'bob'] } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await within(canvasElement).findByRole('button', { name: /@bob/ }))
  },
}

/** Your own design with `HasLoginButton.Custom`: same state and actions, and the same modal. */
export const Custom: Story = {
  render: () => (
    <HasLoginButton.Custom>
      {({ session, accounts, openModal, logout, status }) =>
        session ? (
          <span>
            Signed in as <b>@{session.account}</b> ({accounts.length} account{accounts.length === 1 ? '' : 's'}){' '}
            <button type="button" onClick={() => logout()}>
              sign out
            </button>
          </span>
        ) : (
          <button type="button" onClick={openModal}>
            Connect Hive wallet ({status})
          </button>
        )
      }
    </HasLoginButton.Custom>
  ),
}
