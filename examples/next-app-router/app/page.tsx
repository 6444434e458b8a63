// A server component: it reads the session cookie with core helpers imported from the main entry (they are not
// client modules), so a returning user's button renders logged in from the first byte.
import { cookies } from 'next/headers'
import { DEFAULT_HAS_HOSTS, readSessionCookie } from 'hive-auth-react'
import { LoginArea } from './LoginArea'

export default async function Page() {
  const session = readSessionCookie((await cookies()).toString())
  const relay = process.env.HAS_RELAY // the devkit relay when run by examples/next-run.mjs; the public relays otherwise
  return (
    <main>
      <h1>My Hive dApp</h1>
      <p data-testid="server-says">{session ? `The server saw @${session.account} logged in.` : 'The server saw nobody logged in.'}</p>
      <LoginArea hosts={relay ? [relay] : [...DEFAULT_HAS_HOSTS]} initialAccount={session?.account} />
    </main>
  )
}
