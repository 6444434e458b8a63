'use client'
import { useCallback, useMemo } from 'react'
import type { AuthenticateParameters } from '../../core/actions/authenticate'
import type { HasSession, PendingRequest } from '../../core/types'
import { HasConnectionError } from '../../core/errors/HasConnectionError'
import type { HasError } from '../../core/errors/HasError'
import type { RequestStatus } from '../../core/machine/request'
import { useHasContext } from '../context'
import { shallowEqual, useHasState } from './useHasState'

/** Options of a login beyond the account name. */
export type LoginOptions = Omit<AuthenticateParameters, 'account'>

/** What useHiveAuth returns. */
export interface UseHiveAuthResult {
  /** The current account's session. */
  session: HasSession | undefined
  /** Every logged-in account, current first. */
  accounts: readonly string[]
  /** Where the latest login stands (`idle` when there is none, or its account logged out since). */
  status: RequestStatus
  /** The request the wallet should answer, while a login waits: the QR code's link and the deadline. */
  pending: PendingRequest | undefined
  /** Why the latest login did not succeed. */
  error: HasError | undefined
  /** Starts a login; resolves with the session, or undefined when it did not succeed (see `status` and `error`). Rejects only before the provider has mounted. */
  login(account: string, options?: LoginOptions): Promise<HasSession | undefined>
  logout(account?: string): void
  switchAccount(account: string): void
  /** Gives up the login in progress (the wallet is not told: HAS has no cancel message). */
  cancel(): void
  /** Repeats the latest login with a fresh request. */
  retry(): Promise<HasSession | undefined>
}

/** Login state and actions for the whole app; re-renders only when they change. */
export function useHiveAuth(): UseHiveAuthResult {
  const { client, lastLogin } = useHasContext('useHiveAuth')
  const view = useHasState((s) => {
    const live = s.requests.filter((r) => r.kind === 'auth').at(-1)
    const last = s.last.auth
    return {
      session: s.sessions[0],
      accountList: s.sessions.map((x) => x.account).join(','),
      liveId: live?.id,
      liveStatus: live?.status,
      pending: live?.pending,
      last: live ? undefined : last,
      lastStillCounts: Boolean(last && (last.status !== 'approved' || s.sessions.some((x) => x.account === last.account))),
    }
  }, shallowEqual)

  const accounts = useMemo(() => (view.accountList ? view.accountList.split(',') : []), [view.accountList])

  const login = useCallback(
    async (account: string, options: LoginOptions = {}) => {
      const { onWait: _onWait, signal: _signal, ...repeatable } = options
      lastLogin.current = { account, ...repeatable }
      if (!client) throw new HasConnectionError('HiveAuth is still starting; try again in a moment.')
      try {
        return await client.authenticate({ account, ...options })
      } catch {
        return undefined // the outcome is in `status` and `error`
      }
    },
    [client, lastLogin],
  )

  const liveId = view.liveId
  const cancel = useCallback(() => {
    if (client && liveId !== undefined) client.cancel(liveId)
  }, [client, liveId])
  const retry = useCallback(async () => {
    const previous = lastLogin.current
    return previous ? login(previous.account, previous) : undefined
  }, [login, lastLogin])
  const logout = useCallback((account?: string) => client?.logout(account), [client])
  const switchAccount = useCallback((account: string) => void client?.switchAccount(account), [client])

  const status: RequestStatus = view.liveStatus ?? (view.last && view.lastStillCounts ? view.last.status : 'idle')
  return useMemo(
    () => ({
      session: view.session,
      accounts,
      status,
      pending: view.pending,
      error: view.liveStatus ? undefined : view.last?.error,
      login,
      logout,
      switchAccount,
      cancel,
      retry,
    }),
    [view, accounts, status, login, logout, switchAccount, cancel, retry],
  )
}
