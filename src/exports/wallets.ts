// Wallets besides HiveAuth: `hive-auth-react/wallets`. Each connector is a descriptor of a few hundred bytes; its code
// loads on first use. An entry of its own, so that no bundler puts a wallet in the first load of an app without one.
export { keychain, type KeychainOptions } from '../core/connectors/keychain.js'
export { keeper } from '../core/connectors/keeper.js'
export { peakVault, type PeakVaultOptions } from '../core/connectors/peakVault.js'
export { hiveSigner, type HiveSignerOptions } from '../core/connectors/hiveSigner.js'
export { completeHiveSignerLogin, type HiveSignerCallback } from '../core/connectors/hiveSignerCallback.js'
export { defineConnector } from '../core/connectors/defineConnector.js'
export { browserWallets } from '../core/connectors/browserWallets.js'
export type {
  ConnectorContext,
  ConnectorFeatures,
  ConnectorImpl,
  ConnectorKind,
  HiveConnector,
  LoginSignature,
} from '../core/connectors/HiveConnector.js'
