/// <reference types="vite/client" />
// Hooks only, your own UI: the same login, drawn by you (here with qrcode.react and plain elements, no stylesheet).
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { QRCodeSVG } from 'qrcode.react'
import { HasProvider, useCountdown, useHasSign, useHiveAuth } from 'hive-auth-react'

const relay: string | undefined = import.meta.env.VITE_HAS_RELAY

function Login() {
  const { session, status, pending, error, login, logout, cancel, retry } = useHiveAuth()
  const { secondsLeft } = useCountdown(pending?.expire)
  const vote = useHasSign()
  if (session) {
    return (
      <section>
        <p>Hello @{session.account}</p>
        <button
          type="button"
          onClick={() =>
            vote.mutate({ keyType: 'posting', ops: [['vote', { voter: session.account, author: 'hiveio', permlink: 'welcome', weight: 10000 }]] })
          }
        >
          Upvote @hiveio/welcome
        </button>
        {vote.isSuccess && 'txid' in vote.data && <p>Transaction {vote.data.txid}</p>}
        {vote.isError && <p role="alert">Not signed ({vote.error.code})</p>}
        <button type="button" onClick={() => logout()}>
          Log out
        </button>
      </section>
    )
  }
  if (pending) {
    return (
      <section>
        <QRCodeSVG value={pending.deepLink} level="M" marginSize={4} />
        <p>
          Approve @{pending.account} in your wallet ({secondsLeft}s). <a href={pending.deepLink}>Open in wallet</a>{' '}
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        </p>
      </section>
    )
  }
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        void login(String(new FormData(event.currentTarget).get('account') ?? ''))
      }}
    >
      <label>
        Hive account <input name="account" autoComplete="username" />
      </label>
      <button type="submit">Log in</button>
      {status === 'expired' && (
        <button type="button" onClick={() => void retry()}>
          Show a new code
        </button>
      )}
      {error && <p role="alert">Not logged in ({error.code})</p>}
    </form>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <HasProvider app={{ name: 'Headless example' }} hosts={relay ? [relay] : undefined}>
      <Login />
    </HasProvider>
  </StrictMode>,
)
