// Local HAS relay and wallet simulator: `hive-auth-react/devkit`. Never part of the main bundle.
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
export { startRelay, type RunningRelay, type StartRelayOptions } from '../devkit/server.js'
export {
  createWallet,
  type Wallet,
  type WalletBroadcast,
  type WalletDecision,
  type WalletOptions,
  type WalletRequest,
  type WalletSession,
} from '../devkit/wallet.js'
export { PROFILES, WALLET_PROFILES, type ProfileTraits, type WalletProfile } from '../devkit/profiles.js'
export {
  createDevkitAccount,
  toChainAccount,
  DEVKIT_PASSWORD,
  type DevkitAccount,
  type DevkitAccountSpec,
  type DevkitRole,
} from '../devkit/accounts.js'
export { privateKeyFromLogin, privateKeyToWif, publicKeyOf, signMessage, type KeyRole } from '../devkit/keys.js'
export { createChain, transactionDigestInput, type ChainTransaction, type DevkitChain, type DevkitChainOptions } from '../devkit/chain.js'
export { startChainNode, type RunningChainNode } from '../devkit/chainServer.js'
export { encodeMemo, decodeMemo, type DecodedMemo } from '../devkit/memo.js'
export { chainAccountKeys, devkitAccountKeys, type AccountKeys } from '../devkit/relayProof.js'
