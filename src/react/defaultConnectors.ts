import type { HiveConnector } from '../core/connectors/HiveConnector.js'

let offered: readonly HiveConnector[] | undefined

/**
 * Called by the drop-in components as they render, before the provider creates its client: a HasProvider given no
 * `connectors` then offers these wallets beside HiveAuth. An app on the hooks alone carries none of them.
 */
export function offerByDefault(make: () => readonly HiveConnector[]): void {
  offered ??= make()
}

/** The wallets a HasProvider without `connectors` offers: none, unless the drop-in components are in the app. */
export function defaultConnectors(): readonly HiveConnector[] | undefined {
  return offered
}
