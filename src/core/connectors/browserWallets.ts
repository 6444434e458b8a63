import type { HiveConnector } from './HiveConnector.js'
import { keeper } from './keeper.js'
import { keychain } from './keychain.js'
import { peakVault } from './peakVault.js'

/**
 * The browser wallets the drop-in offers by default (each when installed): Hive Keychain (and Keychain Mobile's
 * browser), Hive Keeper, Peak Vault. Spread it to add more: `connectors={[...browserWallets(), hiveSigner({...})]}`.
 */
export function browserWallets(): HiveConnector[] {
  return [keychain(), keeper(), peakVault()]
}
