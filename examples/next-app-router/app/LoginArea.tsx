'use client'
// The client component: the provider (writing the session cookie the server reads) and the drop-in button.
import { HasLoginButton, HasProvider } from 'hive-auth-react'

export function LoginArea({ hosts, initialAccount }: { hosts: string[]; initialAccount?: string }) {
  return (
    <HasProvider app={{ name: 'Next.js example' }} hosts={hosts} sessionCookie initialAccount={initialAccount}>
      <HasLoginButton avatarUrl={false} />
    </HasProvider>
  )
}
