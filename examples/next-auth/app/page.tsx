// A server component: Auth.js's session, read on the server.
import { getServerSession } from 'next-auth'
import { DEFAULT_HAS_HOSTS } from 'hive-auth-react'
import { authOptions } from '../lib/auth'
import { LoginArea } from './LoginArea'

export const dynamic = 'force-dynamic'

export default async function Page() {
  const session = await getServerSession(authOptions)
  const relay = process.env.HAS_RELAY // the devkit relay when run by examples/next-run.mjs; the public relays otherwise
  return (
    <main>
      <h1>My Hive dApp</h1>
      <p data-testid="server-says">{session?.user?.name ? `Auth.js session: @${session.user.name}` : 'Auth.js session: none'}</p>
      <LoginArea hosts={relay ? [relay] : [...DEFAULT_HAS_HOSTS]} />
    </main>
  )
}
