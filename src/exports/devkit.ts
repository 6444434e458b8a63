// Local HAS relay and wallet simulator: `hive-auth-react/devkit`. Never part of the main bundle.
export {
  createRelay,
  type Relay,
  type RelayConnection,
  type RelayFrame,
  type RelayOptions,
  type RelayPeer,
  type RelayRequestInfo,
} from '../devkit/relay'
export { createMemoryRelay, type MemoryRelay } from '../devkit/memory'
export { startRelay, type RunningRelay, type StartRelayOptions } from '../devkit/server'
export {
  createWallet,
  type Wallet,
  type WalletBroadcast,
  type WalletDecision,
  type WalletOptions,
  type WalletRequest,
  type WalletSession,
} from '../devkit/wallet'
export { PROFILES, WALLET_PROFILES, type ProfileTraits, type WalletProfile } from '../devkit/profiles'
export { createDevkitAccount, toChainAccount, DEVKIT_PASSWORD, type DevkitAccount, type DevkitAccountSpec, type DevkitRole } from '../devkit/accounts'
export { privateKeyFromLogin, privateKeyToWif, publicKeyOf, signMessage, type KeyRole } from '../devkit/keys'
export { createChain, transactionDigestInput, type ChainTransaction, type DevkitChain, type DevkitChainOptions } from '../devkit/chain'
export { startChainNode, type RunningChainNode } from '../devkit/chainServer'
export { encodeMemo, decodeMemo, type DecodedMemo } from '../devkit/memo'
export { chainAccountKeys, devkitAccountKeys, type AccountKeys } from '../devkit/relayProof'
