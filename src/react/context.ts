'use client'
import type { QueryClient } from '@tanstack/react-query'
import { createContext, useContext } from 'react'
import type { HasClient } from '../core/client/createHasClient.js'
import type { HasClientState } from '../core/types.js'
import { DEFAULT_TIMEOUT_SECONDS } from '../core/protocol/constants.js'
import type { ChainOptions } from '../core/chain/rpc.js'
import type { HiveConnector } from '../core/connectors/HiveConnector.js'
import type { HasAuthAdapter } from './authAdapter.js'
import type { ModalStore } from './modalStore.js'
import { HasProviderMissingError } from './HasProviderMissingError.js'

/** What HasProvider shares with the hooks. */
export interface HasContextValue {
  /** Null until the provider has mounted (never on a server). */
  client: HasClient | null
  queryClient: QueryClient
  /** Sessions closer than this to their expiry are flagged `expiresSoon` (ms). */
  expiresSoonMs: number
  /** Your server's authentication, when logins are verified there. */
  auth?: HasAuthAdapter
  /** Verify every login on chain (`login(account, { verify: true })` by default). */
  verify: boolean
  /** The app's name (the default login message names it). */
  appName: string
  /** The one login modal of this provider. */
  modal: ModalStore
  /** What a server knew of the visitor (from the session cookie), until the stored sessions are restored. */
  initialAccount?: string
  /** The wallets besides HiveAuth the provider's client can log in with. */
  connectors: readonly HiveConnector[]
  /** The Hive API nodes the modal asks whether an account exists (`{}`: the defaults; none for a devkit without a node). */
  chain?: ChainOptions
}

export const HasContext = createContext<HasContextValue | null>(null)

/** The state every render sees before the client exists: on the server, and in the first client render. */
export const INITIAL_STATE: HasClientState = {
  connection: { status: 'idle', timeout: DEFAULT_TIMEOUT_SECONDS },
  sessions: [],
  recent: [],
  requests: [],
  last: {},
}

/** The provider's value; throws HasProviderMissingError outside one. */
export function useHasContext(hook: string): HasContextValue {
  const value = useContext(HasContext)
  if (!value) throw new HasProviderMissingError(hook)
  return value
}
