// For a dApp's server: `hive-auth-react/server`. Nonces, login verification, stores (memory, Redis), cookie helpers.
// Nothing of React or the browser.
export type { HasServerStore } from '../server/HasServerStore.js'
export { createMemoryStore, type MemoryStoreOptions } from '../server/createMemoryStore.js'
export { createRedisStore, type IoRedisClient, type NodeRedisClient, type RedisStoreOptions } from '../server/createRedisStore.js'
export { consumeNonce, DEFAULT_NONCE_TTL_MS, issueNonce } from '../server/nonces.js'
export { verifyLogin, type VerifyLoginParameters } from '../server/verifyLogin.js'
export {
  DEFAULT_MAX_AGE_MS,
  verifyLoginMessage,
  type LoginVerification,
  type VerifyLoginMessageParameters,
} from '../core/chain/verifyLoginMessage.js'
export { verifyChallenge, type ChainVerification, type VerificationFailure, type VerifyChallengeParameters } from '../core/chain/verifyChallenge.js'
export { confirmTransaction, type ConfirmTransactionParameters, type TransactionConfirmation } from '../core/chain/confirmTransaction.js'
export {
  createLoginMessage,
  generateNonce,
  HIVE_MAINNET,
  HIVE_MIRRORNET,
  parseLoginMessage,
  type LoginMessage,
  type ParsedLoginMessage,
} from '../core/chain/loginMessage.js'
export { recoverPublicKey, verifySignature } from '../core/crypto/signatures.js'
export { DEFAULT_HIVE_NODES, type ChainOptions } from '../core/chain/rpc.js'
export type { HiveAccount, HiveAuthority } from '../core/chain/hiveAccounts.js'
export { formatSessionCookie, readSessionCookie, SESSION_COOKIE, type SessionCookie } from '../core/session/sessionCookie.js'
export { HasConnectionError } from '../core/errors/HasConnectionError.js'
export { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError.js'
