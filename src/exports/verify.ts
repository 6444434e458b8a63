// Signatures and chain checks: `hive-auth-react/verify`, in browsers and servers alike. Its own entry because it loads
// the secp256k1 curve: no other entry imports it statically, so no bundler puts the curve in a page's first load.
export { recoverEnvelopeSigner, recoverPublicKey, verifySignature } from '../core/crypto/signatures.js'
export { bufferEnvelope } from '../core/crypto/challengeSpelling.js'
export { verifyChallenge, type ChainVerification, type VerificationFailure, type VerifyChallengeParameters } from '../core/chain/verifyChallenge.js'
export {
  DEFAULT_MAX_AGE_MS,
  verifyLoginMessage,
  type LoginVerification,
  type VerifyLoginMessageParameters,
} from '../core/chain/verifyLoginMessage.js'
export { HIVE_CHAIN_ID, serializeTransaction, transactionDigest, transactionId, type HiveTransaction } from '../core/hive/transaction.js'
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
export { DEFAULT_HIVE_NODES } from '../core/chain/defaultNodes.js'
export type { ChainOptions } from '../core/chain/rpc.js'
export { getHiveAccount, type AccountLookup, type HiveAccount, type HiveAuthority } from '../core/chain/hiveAccounts.js'
