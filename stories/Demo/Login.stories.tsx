import type { Meta, StoryObj } from '@storybook/react-vite'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { SignDemo } from '../support/SignDemo'

/** A small dApp page: the login button in its header, and actions once logged in. */
function DemoPage() {
  return (
    <div className="demo-page">
      <header className="demo-page__header">
        <strong>My Hive dApp</strong>
        <HasLoginButton />
      </header>
      <p>
        Click <em>Log in with HiveAuth</em>, type <code>alice</code>, <code>bob</code> or <code>carol</code>, then play the wallet on the right:{' '}
        <em>Scan the login code</em>, <em>Approve</em>.
      </p>
      <SignDemo />
    </div>
  )
}

const meta = {
  title: 'Demo/Login',
  component: DemoPage,
  parameters: { docs: { description: { component: 'The whole flow offline: the relay and the wallet run in this page.' } } },
} satisfies Meta<typeof DemoPage>

export default meta

/** Log in, vote, sign a message, switch accounts, log out. */
export const Default: StoryObj<typeof meta> = {}
