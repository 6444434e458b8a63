import type { HiveConnector } from './HiveConnector.js'

/**
 * Types a wallet as a connector the client can run (as wagmi's createConnector does): its descriptor (id, name, kind,
 * features, `installed`, `load`), and the client logs in, signs and challenges through it. For a wallet the kit does
 * not know; the kit's own (`keychain()`) are made with it.
 */
export function defineConnector(descriptor: HiveConnector): HiveConnector {
  return descriptor
}
