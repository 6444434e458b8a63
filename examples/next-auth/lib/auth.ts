// Auth.js (next-auth 4) with a credentials provider that verifies Sign in with Hive on this server.
//
// Sessions are JWTs (no database), and signing out really ends them: each JWT names a server-side session record,
// looked up on every session read; sign-out deletes the record, so a copy of the old cookie is worth nothing from
// then on (a JWT alone would stay valid until it expires). With a database adapter, `strategy: 'database'` does the same.
import { randomBytes } from 'node:crypto'
import type { NextAuthOptions } from 'next-auth'
import CredentialsProvider from 'next-auth/providers/credentials'
import { createMemoryStore, type HasServerStore, verifyLogin } from 'hive-auth-react/server'

// One process, one store (several instances would pass createRedisStore(client) here instead).
const shared = globalThis as { hiveStore?: HasServerStore }
shared.hiveStore ??= createMemoryStore()
/** Issued nonces and live sessions. */
export const store: HasServerStore = shared.hiveStore

/** The address users open: the domain and URI a login must name come from here, never from the request. */
const origin = new URL(process.env.NEXTAUTH_URL ?? 'http://localhost:3000')
/** Hive API nodes (the devkit's node when run by examples/next-run.mjs). Give two or more run by different people in production. */
const nodes = process.env.HIVE_NODES?.split(',')
/** How long a session lasts without a new login (seconds). */
const SESSION_SECONDS = 24 * 3600
const sessionKey = (sid: unknown) => `session:${String(sid)}`

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_SECONDS },
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
          store,
          nodes,
        })
        return result.valid && result.account ? { id: result.account, name: result.account } : null
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        // A new login: its session record lives as long as the JWT may.
        token.sid = randomBytes(24).toString('base64url')
        await store.add(sessionKey(token.sid), String(user.id), SESSION_SECONDS * 1000)
        return token
      }
      // Auth.js clears the cookie and reports no session when this throws.
      if (!token.sid || (await store.get(sessionKey(token.sid))) === undefined) throw new Error('This session was signed out.')
      return token
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid) await store.delete(sessionKey(token.sid))
    },
  },
  logger: {
    error(code, ...rest) {
      if (code === 'JWT_SESSION_ERROR') return // a signed-out session read again: expected, not an error
      console.error(`[next-auth][error][${code}]`, ...rest)
    },
  },
}
