import { decryptPayload } from '../core/crypto/aes.js'
import { isRecord } from '../core/protocol/parseFrame.js'

/** A session the wallet granted. */
export interface WalletSession {
  account: string
  key: string
  expire: number
  token?: string
  app: string
}

/**
 * The wallet's sessions, indexed by account and by token, expired ones pruned: finding a session costs a map look-up
 * (Keychain's token) or a few decrypts of the account's own newest sessions, never a scan of every stored key.
 */
export function createWalletSessions() {
  const byAccount = new Map<string, WalletSession[]>()
  const byToken = new Map<string, WalletSession>()
  /** Last nonce (strict rule) and nonces seen (unique rule), per auth_key. */
  const lastNonce = new Map<string, number>()
  const seenNonces = new Map<string, Set<number>>()

  function live(account: string): WalletSession[] {
    const now = Date.now()
    const list = byAccount.get(account) ?? []
    const kept = list.filter((s) => s.expire > now)
    if (kept.length !== list.length) {
      for (const gone of list.filter((s) => s.expire <= now)) forget(gone)
      byAccount.set(account, kept)
    }
    return kept
  }

  function forget(session: WalletSession) {
    if (session.token) byToken.delete(session.token)
    if (!byAccount.get(session.account)?.some((s) => s !== session && s.key === session.key)) {
      lastNonce.delete(session.key)
      seenNonces.delete(session.key)
    }
  }

  return {
    add(session: WalletSession) {
      byAccount.set(session.account, [session, ...live(session.account)])
      if (session.token) byToken.set(session.token, session)
    },
    /** The live session holding `token` for `account`. */
    byToken(account: string, token: string | undefined): WalletSession | undefined {
      const session = token ? byToken.get(token) : undefined
      return session && session.account === account && session.expire > Date.now() ? session : undefined
    },
    /** The live session whose key decrypts `data` to a JSON object, newest first (how v1 PKSAs find a session). */
    probe(account: string, data: string): { session: WalletSession; payload: Record<string, unknown> } | undefined {
      const tried = new Set<string>()
      for (const session of live(account)) {
        if (tried.has(session.key)) continue
        tried.add(session.key)
        try {
          const payload = decryptPayload(data, session.key)
          if (isRecord(payload)) return { session, payload }
        } catch {
          // Not this key.
        }
      }
      return undefined
    },
    /** A nonce the strict rule accepts next (what the HiveAuth app makes up for a request without one). */
    nextNonce: (key: string): number => Math.max(Date.now(), (lastNonce.get(key) ?? 0) + 1),
    /** Records a nonce under the profile's rule; false when it must be refused. */
    acceptNonce(key: string, nonce: number | undefined, rule: 'strict' | 'unique'): boolean {
      if (rule === 'strict') {
        if (nonce === undefined || nonce <= (lastNonce.get(key) ?? 0)) return false
        lastNonce.set(key, nonce)
        return true
      }
      if (nonce === undefined) return true
      const seen = seenNonces.get(key) ?? new Set<number>()
      if (seen.has(nonce)) return false
      seen.add(nonce)
      seenNonces.set(key, seen)
      return true
    },
    /** Every live session. */
    all(): WalletSession[] {
      return [...byAccount.keys()].flatMap(live)
    },
  }
}

/** The wallet's session store. */
export type WalletSessions = ReturnType<typeof createWalletSessions>
