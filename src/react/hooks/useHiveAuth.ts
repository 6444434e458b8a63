'use client'
import { useCallback, useMemo } from 'react'
import type { AuthenticateParameters } from '../../core/actions/authenticate'
import { HasConnectionError } from '../../core/errors/HasConnectionError'
import type { HasErrorType } from '../../core/errors/HasErrorType'
import type { RequestStatus } from '../../core/machine/request'
import type { HasClientState, HasSession, PendingRequest } from '../../core/types'
import { authenticateMutationOptions } from '../../query/authenticate'
import type { AuthenticateErrorType } from '../../query/errorTypes'
import { useHasContext } from '../context'
import { shallowEqual, useHasState } from './useHasState'
import { type UseRequestParameters, useRequestMutation } from './useRequestMutation'

/** Options of a login beyond the account name. */
export type LoginOptions = Omit<AuthenticateParameters, 'account'>

/** Parameters of useHiveAuth: TanStack mutation options for its logins (`onSuccess`, `onError`, …). */
export type UseHiveAuthParameters = UseRequestParameters<HasSession, AuthenticateErrorType, AuthenticateParameters>

/** What useHiveAuth returns. */
export interface UseHiveAuthResult {
  /** The current account's session. */
  session: HasSession | undefined
  /** Every logged-in account, current first. */
  accounts: readonly string[]
  /** Where the login shown stands: this hook's own, else the newest (`idle` when none, or its account logged out since). */
  status: RequestStatus
  /** The id of the login shown, while it is live. */
  requestId: number | undefined
  /** The account of the login shown (live, or the latest settled one). */
  account: string | undefined
  /** The request the wallet should answer, while a login waits: the QR code's link and the deadline. */
  pending: PendingRequest | undefined
  /** Why the latest login did not succeed. */
  error: HasErrorType | undefined
  /** Starts a login; resolves with the session, or undefined when it did not succeed (see `status` and `error`). Rejects only before the provider has mounted. */
  login(account: string, options?: LoginOptions): Promise<HasSession | undefined>
  logout(account?: string): void
  switchAccount(account: string): void
  /** Gives up the login shown (the wallet is not told: HAS has no cancel message). */
  cancel(): void
  /** Sends the latest login again as a fresh request, when its outcome allows it. */
  retry(): Promise<HasSession | undefined>
}

/** Login state and actions for the whole app; re-renders only when they change. */
export function useHiveAuth(parameters: UseHiveAuthParameters = {}): UseHiveAuthResult {
  const { client } = useHasContext('useHiveAuth')
  const { mutateAsync, requestId, adopt } = useRequestMutation('useHiveAuth', authenticateMutationOptions, parameters)
  const view = useHasState((s) => selectLogin(s, requestId), shallowEqual)
  const accounts = useMemo(() => (view.accountList ? view.accountList.split(',') : []), [view.accountList])

  const login = useCallback(
    async (account: string, options: LoginOptions = {}) => {
      if (!client) throw new HasConnectionError('HiveAuth is still starting; try again in a moment.')
      return mutateAsync({ account, ...options }).catch(() => undefined) // the outcome is in `status` and `error`
    },
    [client, mutateAsync],
  )
  const { liveId, lastId } = view
  const cancel = useCallback(() => {
    if (client && liveId !== undefined) client.cancel(liveId)
  }, [client, liveId])
  const retry = useCallback(async () => {
    if (!client || lastId === undefined) return undefined
    const request = client.retry(lastId)
    adopt(request.id)
    return (request as Promise<HasSession>).catch(() => undefined)
  }, [client, lastId, adopt])
  const logout = useCallback((account?: string) => client?.logout(account), [client])
  const switchAccount = useCallback((account: string) => void client?.switchAccount(account), [client])

  const status: RequestStatus = view.liveStatus ?? (view.last && view.lastStillCounts ? view.last.status : 'idle')
  return useMemo(
    () => ({
      session: view.session,
      accounts,
      status,
      requestId: view.liveId,
      account: view.liveAccount ?? view.last?.account,
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

/** The login this hook shows: the live one it started, else the newest live one (e.g. restored after a reload). */
function selectLogin(s: HasClientState, requestId: number | undefined) {
  const logins = s.requests.filter((r) => r.kind === 'auth')
  const live = logins.find((r) => r.id === requestId) ?? logins.at(-1)
  const last = s.last.auth
  return {
    session: s.sessions[0],
    accountList: s.sessions.map((x) => x.account).join(','),
    liveId: live?.id,
    liveAccount: live?.account,
    liveStatus: live?.status,
    pending: live?.pending,
    last: live ? undefined : last,
    lastId: last?.id,
    lastStillCounts: Boolean(last && (last.status !== 'approved' || s.sessions.some((x) => x.account === last.account))),
  }
}
