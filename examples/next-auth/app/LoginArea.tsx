'use client'
// The provider's auth adapter hands the signed login to Auth.js (the `hive` credentials provider verifies it).
import { useRouter } from 'next/navigation'
import { signIn, signOut } from 'next-auth/react'
import { useMemo } from 'react'
import { type HasAuthAdapter, HasLoginButton, HasProvider } from 'hive-auth-react'

export function LoginArea({ hosts }: { hosts: string[] }) {
  const router = useRouter()
  const auth = useMemo<HasAuthAdapter>(
    () => ({
      getNonce: async () => (await fetch('/api/nonce', { cache: 'no-store' })).text(),
      verify: async (message, signature) => {
        const result = await signIn('hive', { message, signature, redirect: false })
        router.refresh() // the server component reads the new session
        return Boolean(result?.ok)
      },
      signOut: async () => {
        await signOut({ redirect: false })
        router.refresh()
      },
    }),
    [router],
  )
  return (
    <HasProvider app={{ name: 'Auth.js example' }} hosts={hosts} auth={auth}>
      <HasLoginButton avatarUrl={false} />
    </HasProvider>
  )
}
