// Auth.js (next-auth 4) with a credentials provider that verifies Sign in with Hive on this server.
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { createMemoryStore, type HasServerStore, verifyLogin } from 'hive-auth-react/server'

// One process, one store (several instances would pass createRedisStore(client) here instead).
const shared = globalThis as { hiveNonces?: HasServerStore }
shared.hiveNonces ??= createMemoryStore()
export const nonces: HasServerStore = shared.hiveNonces

/** The address users open: the domain and URI a login must name come from here, never from the request. */
const origin = new URL(process.env.NEXTAUTH_URL ?? 'http://localhost:3000')
/** Hive API nodes (the devkit's node when run by examples/next-run.mjs). Give two or more run by different people in production. */
const nodes = process.env.HIVE_NODES?.split(',')

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt' },
  providers: [
    CredentialsProvider({
      id: 'hive',
      name: 'Hive',
      credentials: { message: { type: 'text' }, signature: { type: 'text' } },
      async authorize(credentials) {
        const result = await verifyLogin({
          message: credentials?.message ?? '',
          signature: credentials?.signature ?? '',
          domain: origin.origin, // the scheme counts too
          uri: `${origin.origin}/`,
          store: nonces,
          nodes,
        })
        return result.valid && result.account ? { id: result.account, name: result.account } : null
      },
    }),
  ],
}
