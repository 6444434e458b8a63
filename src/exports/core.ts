// Framework-free HiveAuth client: `hive-auth-react/core`.
export { createHasClient, type HasClient, type HasClientOptions } from '../core/client/createHasClient.js'
export type {
  ConnectionState,
  ConnectionStatus,
  HasClientState,
  HasRequest,
  HasSession,
  PendingRequest,
  RequestOptions,
  RequestSnapshot,
  SettledRequest,
  WebSocketConstructor,
  WebSocketLike,
} from '../core/types.js'
export type { AuthenticateParameters, HasApp } from '../core/actions/authenticate.js'
export type { SignParameters, SignResult, HiveOperation } from '../core/actions/sign.js'
export type { ChallengeParameters, ChallengeResult, DecryptResult } from '../core/actions/challenge.js'
export { encryptPayload, decryptPayload } from '../core/crypto/aes.js'
export { recoverPublicKey, verifySignature } from '../core/crypto/signatures.js'
export { buildAuthLink, parseAuthLink, buildRequestLink, type AuthLinkPayload } from '../core/protocol/links.js'
export { normalizeHost } from '../core/protocol/hosts.js'
export { checkAccountName, cleanAccountName, normalizeAccountName, type AccountNameProblem } from '../core/protocol/accountName.js'
export { DEFAULT_HAS_HOSTS, KEY_TYPES, type KeyType } from '../core/protocol/constants.js'
export type { RequestKind } from '../core/protocol/messages.js'
export {
  transition,
  reduceRequest,
  REQUEST_TABLE,
  isTerminal,
  isLiveStatus,
  TERMINAL_STATUSES,
  LIVE_STATUSES,
  type RequestStatus,
  type TerminalStatus,
  type RequestEvent,
  type RequestEventType,
  type RequestState,
} from '../core/machine/request.js'
export type { HasStorage } from '../core/storage/HasStorage.js'
export { createMemoryStorage } from '../core/storage/createMemoryStorage.js'
export { createWebStorage } from '../core/storage/createWebStorage.js'
export { HasError, isHasError, type HasErrorCode, type HasErrorOptions, type HasTextSource } from '../core/errors/HasError.js'
export type { HasErrorType } from '../core/errors/HasErrorType.js'
export { HasProtocolError } from '../core/errors/HasProtocolError.js'
export { HasStorageError } from '../core/errors/HasStorageError.js'
export { HasVerificationError } from '../core/errors/HasVerificationError.js'
export { HasRejectedError } from '../core/errors/HasRejectedError.js'
export { HasFailedError, type HasFailureSource, type HasFailureReason } from '../core/errors/HasFailedError.js'
export { HasExpiredError, type HasExpiryHint } from '../core/errors/HasExpiredError.js'
export { HasCancelledError } from '../core/errors/HasCancelledError.js'
export { HasConnectionError } from '../core/errors/HasConnectionError.js'
export { HasProtocolVersionError } from '../core/errors/HasProtocolVersionError.js'
export { HasDecryptionError } from '../core/errors/HasDecryptionError.js'
export { HasNotAuthenticatedError } from '../core/errors/HasNotAuthenticatedError.js'
export { HasSessionExpiredError } from '../core/errors/HasSessionExpiredError.js'
export { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError.js'
export { verifyChallenge, type ChainVerification, type VerifyChallengeParameters } from '../core/chain/verifyChallenge.js'
export { createLoginMessage, parseLoginMessage, generateNonce, HIVE_MAINNET, type LoginMessage } from '../core/chain/loginMessage.js'
export { verifyLoginMessage, type LoginVerification, type VerifyLoginMessageParameters } from '../core/chain/verifyLoginMessage.js'
export { confirmTransaction, type ConfirmTransactionParameters, type TransactionConfirmation } from '../core/chain/confirmTransaction.js'
export { DEFAULT_HIVE_NODES, type ChainOptions } from '../core/chain/rpc.js'
export type { HiveAccount, HiveAuthority } from '../core/chain/hiveAccounts.js'
export { readSessionCookie, formatSessionCookie, SESSION_COOKIE, type SessionCookie } from '../core/session/sessionCookie.js'
