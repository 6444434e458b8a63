'use client'
import type { ChainOptions } from '../../core/chain/rpc.js'
import { useMemo } from 'react'
import type { HiveConnector } from '../../core/connectors/HiveConnector.js'
import { useHasContext } from '../context.js'

/** What a login UI needs of the provider's configuration. */
export interface HasConfig {
  /** The wallets besides HiveAuth (as configured, or the drop-in's defaults), one per `rdns`: the first configured wins. */
  connectors: readonly HiveConnector[]
  /** Whether logins are verified (`verify`, or an auth adapter): a wallet whose login proves no message cannot be offered. */
  verifiesLogins: boolean
  /** The Hive API nodes a UI may ask about accounts (`{}`: the public defaults; undefined for a devkit without a node). */
  chain: ChainOptions | undefined
}

/** The provider's wallets, verification and Hive nodes, for a login UI of your own (the drop-in's modal reads the same). */
export function useHasConfig(): HasConfig {
  const { connectors: configured, verify, auth, chain } = useHasContext('useHasConfig')
  const connectors = useMemo(
    () => configured.filter((c, i, all) => c.rdns === undefined || all.findIndex((o) => o.rdns === c.rdns) === i),
    [configured],
  )
  return { connectors, verifiesLogins: verify || auth !== undefined, chain }
}
