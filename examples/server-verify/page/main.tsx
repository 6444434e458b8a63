// The page of the server example: the drop-in button, logins verified by this page's own server.
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { type HasAuthAdapter, HasLoginButton, HasProvider, useHiveAuth } from 'hive-auth-react'
import 'hive-auth-react/styles.css'

const auth: HasAuthAdapter = {
  getNonce: async () => (await fetch('/nonce')).text(),
  verify: async (message, signature) => {
    const response = await fetch('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ message, signature }),
    })
    if (response.ok) return true
    // Why not, so the user reads the real cause: the key, the Hive nodes, or this server's own rules.
    const body = (await response.json().catch(() => ({}))) as { error?: string; reason?: string }
    return { verified: false, code: body.error, reason: body.reason }
  },
  signOut: async () => void (await fetch('/logout', { method: 'POST' })),
}

function WhoDoesTheServerSee() {
  const { authStatus } = useHiveAuth()
  const [me, setMe] = useState('…')
  // Ask the server again whenever the login's status changes: that is when its session may have changed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `authStatus` is the trigger
  useEffect(() => {
    fetch('/me').then(async (r) => setMe(r.ok ? `@${(await r.json()).account}` : 'nobody'))
  }, [authStatus])
  return (
    <p>
      The server sees: <output aria-label="server session">{me}</output> ({authStatus})
    </p>
  )
}

const { relay } = await (await fetch('/config')).json()
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HasProvider app={{ name: 'Server example' }} hosts={[relay]} auth={auth}>
      <header style={{ display: 'flex', justifyContent: 'space-between', padding: 16 }}>
        <strong>My Hive dApp</strong>
        <HasLoginButton avatarUrl={false} />
      </header>
      <main style={{ padding: 16 }}>
        <WhoDoesTheServerSee />
      </main>
    </HasProvider>
  </StrictMode>,
)
