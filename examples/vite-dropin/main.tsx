/// <reference types="vite/client" />
// The drop-in kit: the provider, the login button (with its modal) and a sign prompt. That is the whole integration.
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { HasLoginButton, HasProvider, HasSignPrompt, useHasSign, useHiveAuth } from 'hive-auth-react'
import 'hive-auth-react/styles.css'

// `npm run example:vite-dropin` points the page at the devkit relay; without it, the public relays are used.
const relay: string | undefined = import.meta.env.VITE_HAS_RELAY

function Vote() {
  const { session } = useHiveAuth()
  const vote = useHasSign()
  if (!session) return <p>Log in to vote.</p>
  return (
    <>
      <button
        type="button"
        onClick={() =>
          vote.mutate({ keyType: 'posting', ops: [['vote', { voter: session.account, author: 'hiveio', permlink: 'welcome', weight: 10000 }]] })
        }
      >
        Upvote @hiveio/welcome
      </button>
      <HasSignPrompt mutation={vote} />
    </>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HasProvider app={{ name: 'Drop-in example' }} hosts={relay ? [relay] : undefined}>
      <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
        <strong>My Hive dApp</strong>
        <HasLoginButton avatarUrl={false} />
      </header>
      <main>
        <Vote />
      </main>
    </HasProvider>
  </StrictMode>,
)
