import { browserWallets } from '../core/connectors/browserWallets.js'
import { offerByDefault } from '../react/defaultConnectors.js'

/**
 * The drop-in's wallets when the provider is given none: the browser wallets (Hive Keychain, Keychain Mobile's
 * browser, Hive Keeper, Peak Vault) beside HiveAuth. Their descriptors are a few bytes; their code loads when one is used.
 */
export function offerInjectedWallets(): void {
  offerByDefault(browserWallets)
}
