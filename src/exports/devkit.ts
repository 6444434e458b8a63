// Local HAS relay, wallet simulator and Hive node, for browsers and Node: `hive-auth-react/devkit`. Never part of the
// main bundle. The servers (a ws relay, an HTTP node) are Node-only: `hive-auth-react/devkit/node`.
export {
  createRelay,
  type Relay,
  type RelayConnection,
  type RelayFrame,
  type RelayOptions,
  type RelayPeer,
  type RelayRequestInfo,
} from '../devkit/relay.js'
export { createMemoryRelay, type MemoryRelay } from '../devkit/memory.js'
export {
  createWallet,
  type Wallet,
  type WalletBroadcast,
  type WalletDecision,
  type WalletOptions,
  type WalletRequest,
  type WalletSession,
} from '../devkit/wallet.js'
export {
  installFakeKeychain,
  type FakeKeychain,
  type FakeKeychainDecision,
  type FakeKeychainOptions,
  type FakeKeychainRequest,
} from '../devkit/fakeKeychain.js'
export {
  installFakePeakVault,
  type FakePeakVault,
  type FakePeakVaultDecision,
  type FakePeakVaultOptions,
  type FakePeakVaultRequest,
} from '../devkit/fakePeakVault.js'
export { installFakeHiveSigner, type InPageHiveSigner, type InPageHiveSignerOptions } from '../devkit/fakeHiveSignerPage.js'
export type { FakeHiveSignerDecision } from '../devkit/hiveSignerService.js'
export { challengeBytes, type ChallengeBytesRule } from '../devkit/challengeBytes.js'
export { PROFILES, WALLET_PROFILES, type ProfileTraits, type WalletProfile } from '../devkit/profiles.js'
export {
  createDevkitAccount,
  toChainAccount,
  DEVKIT_PASSWORD,
  type DevkitAccount,
  type DevkitAccountSpec,
  type DevkitRole,
} from '../devkit/accounts.js'
export { privateKeyFromLogin, privateKeyToWif, publicKeyOf, signDigest, signMessage, type KeyRole } from '../devkit/keys.js'
export { createChain, type ChainTransaction, type DevkitChain, type DevkitChainOptions, type TransactionHeader } from '../devkit/chain.js'
export { encodeMemo, decodeMemo, type DecodedMemo } from '../devkit/memo.js'
export { chainAccountKeys, devkitAccountKeys, type AccountKeys } from '../devkit/relayProof.js'
