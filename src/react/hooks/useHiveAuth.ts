'use client'
import { useCallback, useMemo } from 'react'
import { type AuthenticateParameters, authenticate } from '../../core/actions/authenticate.js'
import { HasConnectionError } from '../../core/errors/HasConnectionError.js'
import type { HasErrorType } from '../../core/errors/HasErrorType.js'
import { HasVerificationError } from '../../core/errors/HasVerificationError.js'
import type { RequestStatus } from '../../core/machine/request.js'
import type { HasClient } from '../../core/client/createHasClient.js'
import type { HasClientState, HasRequest, HasSession, PendingRequest } from '../../core/types.js'
import { authenticateMutationOptions } from '../../query/authenticate.js'
import type { AuthenticateErrorType } from '../../query/errorTypes.js'
import type { HasAuthStatus } from '../authAdapter.js'
import { useHasContext } from '../context.js'
import { loginParameters } from './loginParameters.js'
import { shallowEqual, useHasState } from './useHasState.js'
import { type UseRequestParameters, useRequestMutation } from './useRequestMutation.js'

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
  /**
   * With an auth adapter (or `verify`): `loading` while the login is being verified, `authenticated` when the current
   * session was verified, else `unauthenticated`. An adapter's own `status` wins.
   */
  authStatus: HasAuthStatus
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
  const context = useHasContext('useHiveAuth')
  const { client, auth } = context
  const { mutateAsync, isPending, requestId, adopt, startWith } = useRequestMutation('useHiveAuth', authenticateMutationOptions, parameters)
  const view = useHasState((s) => selectLogin(s, requestId), shallowEqual)
  const accounts = useMemo(() => (view.accountList ? view.accountList.split(',') : []), [view.accountList])

  const { liveId, lastId } = view
  const login = useCallback(
    async (account: string, options: LoginOptions = {}) => {
      if (!client) throw new HasConnectionError('HiveAuth is still starting; try again in a moment.')
      let params: AuthenticateParameters
      let request: HasRequest<HasSession> | undefined
      try {
        // Without an auth adapter nothing is awaited: the request leaves in this very task.
        const built = loginParameters(account, options, context)
        params = built instanceof Promise ? await built : built
      } catch (cause) {
        // No nonce, so nothing is sent: the login's outcome all the same, recorded by the client like any other.
        params = { ...options, account }
        request = failedLogin(
          client,
          account,
          new HasVerificationError('Your server did not start the login (no nonce).', { cause, reason: 'server' }),
        )
      }
      request ??= authenticate(client, params)
      startWith(params, request) // the frame has left; the mutation run with `params` follows this request
      return mutateAsync(params).catch(() => undefined) // the outcome is in `status` and `error`
    },
    [client, mutateAsync, startWith, context],
  )
  const cancel = useCallback(() => {
    if (client && liveId !== undefined) client.cancel(liveId)
  }, [client, liveId])
  const lastAccount = view.last?.account
  const retry = useCallback(async () => {
    // A server-verified login needs a fresh nonce, so it starts over; otherwise the core repeats the request.
    if (auth && lastAccount) return login(lastAccount)
    if (!client || lastId === undefined) return undefined
    const request = client.retry(lastId)
    adopt(request.id)
    return (request as Promise<HasSession>).catch(() => undefined)
  }, [client, lastId, adopt, auth, lastAccount, login])
  const logout = useCallback(
    (account?: string) => {
      client?.logout(account)
      void auth?.signOut().catch(() => {}) // the local logout holds whatever the server says
    },
    [client, auth],
  )
  const switchAccount = useCallback((account: string) => void client?.switchAccount(account), [client])

  // A login this hook started that is in no state yet: its client is still fetching the runner's code (first use).
  const starting = isPending && (requestId === undefined || (view.liveId !== requestId && view.lastId !== requestId))
  const status: RequestStatus = view.liveStatus ?? (starting ? 'connecting' : view.last && view.lastStillCounts ? view.last.status : 'idle')
  const authStatus: HasAuthStatus =
    auth?.status ?? (view.liveStatus === 'verifying' ? 'loading' : view.session?.verified ? 'authenticated' : 'unauthenticated')
  return useMemo(
    () => ({
      session: view.session,
      accounts,
      status,
      requestId: view.liveId,
      account: view.liveAccount ?? view.last?.account,
      pending: view.pending,
      error: view.liveStatus || starting ? undefined : view.last?.error,
      authStatus,
      login,
      logout,
      switchAccount,
      cancel,
      retry,
    }),
    [view, accounts, status, starting, authStatus, login, logout, switchAccount, cancel, retry],
  )
}

/** A login that failed before anything could be sent: the client records it as the machine's outcome (a retry fails alike). */
function failedLogin(client: HasClient, account: string, error: HasErrorType): HasRequest<HasSession> {
  const fail = (): HasRequest<HasSession> =>
    client.request<HasSession>(
      'auth',
      account,
      () => {
        throw error
      },
      fail,
    )
  return fail()
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
