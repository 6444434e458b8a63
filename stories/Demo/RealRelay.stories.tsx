import type { Meta, StoryObj } from '@storybook/react-vite'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { HasProvider } from '../../src/react/HasProvider'
import { useHasConnection } from '../../src/react/hooks/useHasConnection'

function ConnectionLine() {
  const connection = useHasConnection()
  return (
    <p>
      Relay: {connection.status}
      {connection.host ? ` (${connection.host}, protocol ${connection.protocol})` : ''}
    </p>
  )
}

/** The kit against a real HiveAuth relay; scan the code with Hive Keychain Mobile or the HiveAuth app. */
function RealRelay({ relayUrl }: { relayUrl: string }) {
  return (
    <HasProvider key={relayUrl} app={{ name: 'hive-auth-react Storybook', description: 'Real relay demo' }} hosts={[relayUrl]}>
      <div className="demo-page">
        <header className="demo-page__header">
          <strong>Real relay</strong>
          <HasLoginButton />
        </header>
        <ConnectionLine />
      </div>
    </HasProvider>
  )
}

/** `?relay=ws://127.0.0.1:8090` in the page's address points the story at your own relay (the devkit's, for example). */
function relayFromAddress(): string | undefined {
  if (typeof location === 'undefined') return undefined
  return new URLSearchParams(location.search).get('relay') ?? undefined
}

const meta = {
  title: 'Demo/Real relay',
  component: RealRelay,
  args: { relayUrl: relayFromAddress() ?? 'wss://hive-auth.arcange.eu' },
  argTypes: { relayUrl: { control: 'text', description: 'WebSocket URL of the HAS relay' } },
  parameters: { has: { devkit: false } },
} satisfies Meta<typeof RealRelay>

export default meta

/** Needs the internet and a real wallet; sessions are kept in this browser's localStorage. */
export const Default: StoryObj<typeof meta> = {}
