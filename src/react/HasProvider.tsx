'use client'
import { QueryClient, QueryClientContext } from '@tanstack/react-query'
import { useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import type { HasApp } from '../core/types.js'
import { createHasClient, type HasClient } from '../core/client/createHasClient.js'
import type { HasClientState, HasSession, WebSocketConstructor } from '../core/types.js'
import type { HasErrorType } from '../core/errors/HasErrorType.js'
import type { HasStorage } from '../core/storage/HasStorage.js'
import type { ChainOptions } from '../core/chain/rpc.js'
import type { HiveConnector } from '../core/connectors/HiveConnector.js'
import type { HasAuthAdapter } from './authAdapter.js'
import { formatSessionCookie, SESSION_COOKIE } from '../core/session/sessionCookie.js'
import { HasContext, type HasContextValue } from './context.js'
import { defaultConnectors } from './defaultConnectors.js'
import { createModalStore } from './modalStore.js'

/** Props of HasProvider. */
export interface HasProviderProps {
  /** How wallets name and show your dApp. */
  app: HasApp
  /** Relays to try, in order (default: the public HiveAuth relays). */
  hosts?: readonly string[]
  /** Where sessions persist (default: localStorage). */
  storage?: HasStorage
  /** A client you created and own (the provider will not close it). Overrides app, hosts, storage and devkit. */
  client?: HasClient
  /** Run against a local relay, e.g. `createMemoryRelay()` from `hive-auth-react/devkit`. */
  devkit?: { url: string; WebSocket: WebSocketConstructor }
  /** Service mode: a secret shared with a headless PKSA, which then needs no QR code (see docs/wallets.md). */
  authKeySecret?: string
  /**
   * Verify logins with your server (a Sign in with Hive message with its nonce is signed in the login's round trip,
   * then `verify` decides); `authStatus` follows. See docs/verified-login.md.
   */
  auth?: HasAuthAdapter
  /** Check every login's key on chain in the browser (`session.verified`), with no server. */
  verify?: boolean
  /**
   * Wallets besides HiveAuth, e.g. `[keychain()]`: `login(account, { connector: 'keychain' })`, `useHasConnectors()`.
   * Default: none with the hooks alone; with the drop-in components, Hive Keychain, Hive Keeper and Peak Vault
   * (offered when installed). `[]`: HiveAuth alone.
   */
  connectors?: readonly HiveConnector[]
  /** Hive API nodes (and a fetch) for on-chain checks (default: public nodes). */
  chain?: ChainOptions
  /**
   * Write a cookie (`hive-auth-react`, or the name given) with the current account and its expiry, never a key, so a
   * server can render the logged-in button on the first paint (read it with `readSessionCookie`).
   */
  sessionCookie?: boolean | string
  /** The account a server rendered as logged in (from the session cookie): shown until the stored sessions are restored. */
  initialAccount?: string
  /** Allow sign-only requests (`broadcast: false`); off by default, as most wallets broadcast them anyway or never answer. */
  allowSignOnly?: boolean
  /** The QueryClient to run mutations on (default: the app's, or one of the provider's own). */
  queryClient?: QueryClient
  /** Flag sessions this close to expiry as `expiresSoon` (ms, default 5 minutes). */
  expiresSoonMs?: number
  onLogin?: (session: HasSession) => void
  onLogout?: (account: string) => void
  /** A request ended in an error, or storage refused to keep a login or logout. */
  onError?: (error: HasErrorType) => void
  children?: ReactNode
}

const NO_CONNECTORS: readonly HiveConnector[] = []
const LOOPBACK = /^wss?:\/\/(localhost|127\.|\[::1\])/

/** Owns one HiveAuth client (one socket, the stored sessions) for the tree below it. SSR- and StrictMode-safe. */
export function HasProvider(props: HasProviderProps) {
  const appQueryClient = useContext(QueryClientContext)
  const [ownQueryClient] = useState(() => (props.queryClient || appQueryClient ? undefined : new QueryClient()))
  const queryClient = props.queryClient ?? appQueryClient ?? ownQueryClient!
  const [client, setClient] = useState<HasClient | null>(null)
  const callbacks = useRef(props)
  callbacks.current = props
  const chainRef = useRef(props.chain) // its `fetch` may be an inline function: read the latest, rebuild on nodes only
  chainRef.current = props.chain

  // Inline objects such as app={{ name }} must not recreate the client on every render.
  const { app, hosts, authKeySecret, allowSignOnly, storage, devkit, client: given } = props
  const chain = props.chain
  // Connectors are often written inline (`connectors={[keychain()]}`): the client follows their ids, not their identity.
  const connectorsRef = useRef(props.connectors)
  connectorsRef.current = props.connectors
  const connectorIds = props.connectors?.map((c) => c.id)
  // The drop-in's default wallets are offered while it renders, after this provider's first render: read them late.
  const configured = () => connectorsRef.current ?? (given ? undefined : defaultConnectors())
  const config = JSON.stringify([
    app.name,
    app.description,
    app.icon,
    hosts,
    authKeySecret,
    allowSignOnly,
    chain?.nodes,
    chain?.timeoutMs,
    connectorIds,
  ])

  // biome-ignore lint/correctness/useExhaustiveDependencies: `config` stands for app, hosts, authKeySecret, allowSignOnly and the chain nodes (by value)
  useEffect(() => {
    // Created after mount: a server never opens a socket or reads storage, and hydration sees the server's state.
    const created =
      given ??
      createHasClient({
        app: { name: app.name, description: app.description, icon: app.icon },
        hosts: devkit ? [devkit.url] : hosts,
        WebSocket: devkit?.WebSocket,
        storage,
        authKeySecret,
        allowSignOnly,
        chain: chainRef.current,
        connectors: configured(),
        onError: (error) => callbacks.current.onError?.(error),
      })
    setClient(created)
    return () => {
      setClient(null)
      if (!given) created.close()
    }
  }, [config, storage, devkit, given])

  useEffect(() => (client ? watchCallbacks(client, callbacks) : undefined), [client])
  useEffect(
    () =>
      client && props.sessionCookie ? writeSessionCookie(client, props.sessionCookie === true ? SESSION_COOKIE : props.sessionCookie) : undefined,
    [client, props.sessionCookie],
  )
  useEffect(() => (client ? resumeOnReturn(client) : undefined), [client])

  const clientRef = useRef(client)
  clientRef.current = client
  const [modal] = useState(() => createModalStore(() => clientRef.current))
  const connectorKey = connectorIds?.join()
  // biome-ignore lint/correctness/useExhaustiveDependencies: the connectors change with their ids (connectorKey), not their identity
  const value = useMemo<HasContextValue>(
    () => ({
      client,
      queryClient,
      modal,
      initialAccount: props.initialAccount,
      expiresSoonMs: props.expiresSoonMs ?? 5 * 60_000,
      auth: props.auth,
      verify: Boolean(props.verify),
      appName: props.app.name,
      connectors: configured() ?? NO_CONNECTORS,
      // A devkit (in memory, or a relay on this machine) without a node of its own: the public chain is not its world.
      chain: chainRef.current ?? (devkit || hosts?.some((h) => LOOPBACK.test(h)) ? undefined : {}),
    }),
    [client, queryClient, modal, props.initialAccount, props.expiresSoonMs, props.auth, props.verify, props.app.name, connectorKey],
  )
  return <HasContext.Provider value={value}>{props.children}</HasContext.Provider>
}

/** Calls onLogin / onLogout / onError as the client's state changes (fresh requests and restored ones alike). */
function watchCallbacks(client: HasClient, callbacks: { current: HasProviderProps }) {
  let previous: HasClientState = client.getState()
  return client.subscribe((state) => {
    const before = previous
    previous = state
    const { onLogin, onLogout, onError } = callbacks.current
    for (const session of state.sessions) {
      const old = before.sessions.find((s) => s.account === session.account)
      if (!old || old.key !== session.key) onLogin?.(session)
    }
    for (const session of before.sessions) {
      if (!state.sessions.some((s) => s.account === session.account)) onLogout?.(session.account)
    }
    for (const kind of ['auth', 'sign', 'challenge'] as const) {
      const settled = state.last[kind]
      if (settled?.error && settled !== before.last[kind]) onError?.(settled.error)
    }
  })
}

/** Keeps the session cookie equal to the current account (a name and an expiry: nothing a thief could use). */
function writeSessionCookie(client: HasClient, name: string) {
  const write = (state: HasClientState) => {
    const session = state.sessions[0]
    const secure = typeof location !== 'undefined' && location.protocol === 'https:' ? '; Secure' : ''
    // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing in Firefox and Safari before 18.4
    document.cookie = session
      ? `${name}=${formatSessionCookie(session)}; Path=/; Max-Age=${Math.max(0, Math.floor((session.expire - Date.now()) / 1000))}; SameSite=Lax${secure}`
      : `${name}=; Path=/; Max-Age=0; SameSite=Lax${secure}`
  }
  if (typeof document === 'undefined') return undefined
  write(client.getState())
  let last = client.getState().sessions[0]
  return client.subscribe((state) => {
    if (state.sessions[0] === last) return
    last = state.sessions[0]
    write(state)
  })
}

/** Mobile browsers kill sockets while the user is in the wallet app: re-attach when the page is shown again. */
function resumeOnReturn(client: HasClient) {
  if (typeof document === 'undefined' || typeof window === 'undefined') return undefined
  const onVisibility = () => document.visibilityState === 'visible' && client.resume()
  const onShow = () => client.resume()
  document.addEventListener('visibilitychange', onVisibility)
  window.addEventListener('pageshow', onShow)
  window.addEventListener('online', onShow)
  return () => {
    document.removeEventListener('visibilitychange', onVisibility)
    window.removeEventListener('pageshow', onShow)
    window.removeEventListener('online', onShow)
  }
}
