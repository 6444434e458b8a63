'use client'
import { useEffect, useMemo, useState } from 'react'
import type { ConnectorFeatures, ConnectorKind, HiveConnector } from '../../core/connectors/HiveConnector.js'
import { useHasConfig } from './useHasConfig.js'

/** A wallet a login can use, as a UI lists it. */
export interface HasConnectorInfo {
  /** What `login(account, { connector })` takes (`hiveauth`, `keychain`…). */
  id: string
  name: string
  kind: ConnectorKind
  /** Its id in `window.hive.providers`, when it has one. */
  rdns?: string
  /** Whether it is there now (HiveAuth always is: any phone with a wallet app). */
  installed: boolean
  features: ConnectorFeatures
  downloadUrls?: HiveConnector['downloadUrls']
}

const HIVEAUTH: HasConnectorInfo = {
  id: 'hiveauth',
  name: 'HiveAuth',
  kind: 'relay',
  installed: true,
  features: { login: 'hive:secp256k1-sha256', signOnly: false, decrypt: true },
}
/** Extensions inject after the page's scripts: whether they are installed is asked again this often, this long. */
const RECHECK_MS = 500
const RECHECK_FOR_MS = 3000

/**
 * The provider's wallets, HiveAuth first, then one per `rdns` (the first configured wins), each with whether it is
 * installed (re-read for 3 s after mount: extensions inject after the page's scripts).
 */
export function useHasConnectors(): readonly HasConnectorInfo[] {
  const { connectors } = useHasConfig()
  const installedNow = () => connectors.map((c) => c.installed()).join()
  // Nothing is installed on a server: the first render says so everywhere (no hydration mismatch), the effect looks.
  const [installed, setInstalled] = useState(() => connectors.map(() => false).join())
  // biome-ignore lint/correctness/useExhaustiveDependencies: installedNow reads the same connectors
  useEffect(() => {
    setInstalled(installedNow())
    const started = Date.now()
    const timer = setInterval(() => {
      setInstalled(installedNow()) // the same string: no render
      if (Date.now() - started >= RECHECK_FOR_MS) clearInterval(timer)
    }, RECHECK_MS)
    return () => clearInterval(timer)
  }, [connectors])
  return useMemo(() => {
    const flags = installed.split(',')
    return [
      HIVEAUTH,
      ...connectors.map((c, i) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        ...(c.rdns ? { rdns: c.rdns } : {}),
        installed: flags[i] === 'true',
        features: c.features,
        ...(c.downloadUrls ? { downloadUrls: c.downloadUrls } : {}),
      })),
    ]
  }, [connectors, installed])
}
