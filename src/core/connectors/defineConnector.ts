import { buildConnectorRequest } from './connectorRequest.js'
import type { HiveConnector } from './HiveConnector.js'

/**
 * Makes a wallet a connector the client can run (as wagmi's createConnector does): give its descriptor (id, name,
 * kind, features, `installed`, `load`), and the client logs in, signs and challenges through it. For a wallet the kit
 * does not know; the kit's own (`keychain()`) are made with it.
 */
export function defineConnector(descriptor: Omit<HiveConnector, 'build'>): HiveConnector {
  return { ...descriptor, build: buildConnectorRequest }
}
