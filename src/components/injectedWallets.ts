import { keeper } from '../core/connectors/keeper.js'
import { keychain } from '../core/connectors/keychain.js'
import { peakVault } from '../core/connectors/peakVault.js'
import { offerByDefault } from '../react/defaultConnectors.js'

/**
 * The drop-in's wallets when the provider is given none: Hive Keychain (the extension, Keychain Mobile's browser),
 * Hive Keeper and Peak Vault beside HiveAuth. Their descriptors are a few bytes; their code loads when one is used.
 */
export function offerInjectedWallets(): void {
  offerByDefault(() => [keychain(), keeper(), peakVault()])
}
