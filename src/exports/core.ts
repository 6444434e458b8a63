// Framework-free HiveAuth client: `hive-auth-react/core`.
export { createHasClient, type HasClient, type HasClientOptions } from '../core/client/createHasClient'
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
} from '../core/types'
export type { AuthenticateParameters, HasApp } from '../core/actions/authenticate'
export type { SignParameters, SignResult, HiveOperation } from '../core/actions/sign'
export type { ChallengeParameters, ChallengeResult, DecryptResult } from '../core/actions/challenge'
export { encryptPayload, decryptPayload } from '../core/crypto/aes'
export { recoverPublicKey, verifySignature } from '../core/crypto/signatures'
export { buildAuthLink, parseAuthLink, buildRequestLink, type AuthLinkPayload } from '../core/protocol/links'
export { normalizeHost } from '../core/protocol/hosts'
export { checkAccountName, normalizeAccountName, type AccountNameProblem } from '../core/protocol/accountName'
export { DEFAULT_HAS_HOSTS, KEY_TYPES, type KeyType } from '../core/protocol/constants'
export type { RequestKind } from '../core/protocol/messages'
export { transition, isTerminal, TERMINAL_STATUSES, type RequestStatus, type RequestEvent } from '../core/machine/request'
export type { HasStorage } from '../core/storage/HasStorage'
export { createMemoryStorage } from '../core/storage/createMemoryStorage'
export { createWebStorage } from '../core/storage/createWebStorage'
export { HasError, isHasError, type HasErrorCode, type HasErrorOptions, type HasTextSource } from '../core/errors/HasError'
export type { HasErrorType } from '../core/errors/HasErrorType'
export { HasProtocolError } from '../core/errors/HasProtocolError'
export { HasStorageError } from '../core/errors/HasStorageError'
export { HasVerificationError } from '../core/errors/HasVerificationError'
export { HasRejectedError } from '../core/errors/HasRejectedError'
export { HasFailedError, type HasFailureSource } from '../core/errors/HasFailedError'
export { HasExpiredError } from '../core/errors/HasExpiredError'
export { HasCancelledError } from '../core/errors/HasCancelledError'
export { HasConnectionError } from '../core/errors/HasConnectionError'
export { HasProtocolVersionError } from '../core/errors/HasProtocolVersionError'
export { HasDecryptionError } from '../core/errors/HasDecryptionError'
export { HasNotAuthenticatedError } from '../core/errors/HasNotAuthenticatedError'
export { HasSessionExpiredError } from '../core/errors/HasSessionExpiredError'
export { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError'
export { verifyChallenge, type ChainVerification, type VerifyChallengeParameters } from '../core/chain/verifyChallenge'
export { createLoginMessage, parseLoginMessage, generateNonce, HIVE_MAINNET, type LoginMessage } from '../core/chain/loginMessage'
export { verifyLoginMessage, type LoginVerification, type VerifyLoginMessageParameters } from '../core/chain/verifyLoginMessage'
export { confirmTransaction, type ConfirmTransactionParameters, type TransactionConfirmation } from '../core/chain/confirmTransaction'
export { DEFAULT_HIVE_NODES, type ChainOptions } from '../core/chain/rpc'
export type { HiveAccount, HiveAuthority } from '../core/chain/hiveAccounts'
export { readSessionCookie, formatSessionCookie, SESSION_COOKIE, type SessionCookie } from '../core/session/sessionCookie'
