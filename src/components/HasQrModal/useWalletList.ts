'use client'
import { useEffect, useMemo, useState } from 'react'
import type { HiveConnector } from '../../core/connectors/HiveConnector.js'

/** A wallet the modal can offer: HiveAuth, or a configured connector with whether it is installed now. */
export interface WalletOption {
  id: string
  name: string
  kind: HiveConnector['kind']
  rdns?: string
  installed: boolean
  /** Its login proves a Sign in with Hive message (HiveSigner's token does not: it is left out when logins are verified). */
  provesLogin: boolean
}

/** While the wallet step shows, extensions are looked for again this often: they inject after the page's scripts. */
const LOOK_AGAIN_MS = 500

/**
 * The modal's wallets (the provider lists one per `rdns`), HiveAuth first (always there), each read as
 * installed or not when the modal renders and again every half second while `watching` (the wallet step is up). Its
 * own hook, not useHasConnectors: a lazy part that imported a hook the package exports would bring it into the first load.
 */
export function useWalletList(connectors: readonly HiveConnector[], watching: boolean): readonly WalletOption[] {
  const read = () => connectors.map((c) => c.installed()).join()
  const [installed, setInstalled] = useState(read)
  // biome-ignore lint/correctness/useExhaustiveDependencies: read() reads the same connectors
  useEffect(() => {
    setInstalled(read())
    if (!watching) return
    const timer = setInterval(() => setInstalled(read()), LOOK_AGAIN_MS)
    return () => clearInterval(timer)
  }, [connectors, watching])
  return useMemo(() => {
    const flags = installed.split(',')
    const hiveauth: WalletOption = { id: 'hiveauth', name: 'HiveAuth', kind: 'relay', installed: true, provesLogin: true }
    return [
      hiveauth,
      ...connectors.map((c, i) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        rdns: c.rdns,
        installed: flags[i] === 'true',
        provesLogin: c.features.login === 'hive:secp256k1-sha256',
      })),
    ]
  }, [connectors, installed])
}
