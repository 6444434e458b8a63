'use client'
import { useCallback, useRef } from 'react'
import { getHiveAccount } from '../../core/chain/hiveAccounts.js'
import type { ChainOptions } from '../../core/chain/rpc.js'

/** How long the modal waits for the nodes to say whether an account exists (the login is already on its way). */
const CHECK_MS = 4000

/**
 * Asks the Hive API nodes, beside a login already sent, whether the account exists; `onUnknown` runs only when the
 * nodes agree it does not and the login is still for it. No answer (offline, nodes down or disagreeing) changes nothing.
 */
export function useAccountCheck(chain: ChainOptions | undefined, onUnknown: (account: string) => void) {
  const current = useRef<string | undefined>(undefined)
  const unknown = useRef(onUnknown)
  unknown.current = onUnknown
  const check = useCallback(
    (account: string) => {
      current.current = account
      if (!chain) return
      getHiveAccount(account, { ...chain, timeoutMs: CHECK_MS }).then(
        (lookup) => {
          if (current.current === account && 'account' in lookup && lookup.account === null) unknown.current(account)
        },
        () => {},
      )
    },
    [chain],
  )
  /** The login checked is given up or over: a late verdict about it changes nothing. */
  const forget = useCallback(() => {
    current.current = undefined
  }, [])
  return { check, forget }
}
