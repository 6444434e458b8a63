// Framework-free HiveAuth client: `hive-auth-react/core`. The client is the runtime; its actions are functions that
// take it (a dApp bundles only those it calls). Signature and chain checks load the curve: `hive-auth-react/verify`.
export { createHasClient, type HasClient, type HasClientOptions, type RequestRuntime } from '../core/client/createHasClient.js'
export {
  authenticate,
  type AuthenticateErrorType,
  type AuthenticateParameters,
  type AuthenticateReturnType,
  type LoginVerdict,
} from '../core/actions/authenticate.js'
export { sign, type HiveOperation, type SignErrorType, type SignParameters, type SignResult, type SignReturnType } from '../core/actions/sign.js'
export {
  challenge,
  type ChallengeErrorType,
  type ChallengeParameters,
  type ChallengeResult,
  type ChallengeReturnType,
  type DecryptResult,
} from '../core/actions/challenge.js'
export type {
  ConnectionState,
  ConnectionStatus,
  HasApp,
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
export type { RequestSpec } from '../core/request/RequestSpec.js'
export { buildAuthLink, parseAuthLink, buildRequestLink, type AuthLinkPayload } from '../core/protocol/links.js'
export { normalizeHost } from '../core/protocol/hosts.js'
export { checkAccountName, cleanAccountName, normalizeAccountName, type AccountNameProblem } from '../core/protocol/accountName.js'
export { DEFAULT_HAS_HOSTS, KEY_TYPES, type KeyType } from '../core/protocol/constants.js'
export type { RequestKind } from '../core/protocol/messages.js'
export {
  transition,
  reduceRequest,
  REQUEST_TABLE,
  RENEWAL_TABLE,
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
export type { HasRequestErrorType } from '../core/errors/HasRequestErrorType.js'
export { HasProtocolError } from '../core/errors/HasProtocolError.js'
export { HasStorageError } from '../core/errors/HasStorageError.js'
export { HasVerificationError, type HasVerificationErrorOptions, type HasVerificationReason } from '../core/errors/HasVerificationError.js'
export { HasRejectedError, type HasRejectionReason } from '../core/errors/HasRejectedError.js'
export type {
  ConnectorContext,
  ConnectorFeatures,
  ConnectorImpl,
  ConnectorKind,
  HiveConnector,
  LoginSignature,
} from '../core/connectors/HiveConnector.js'
export { HasFailedError, type HasFailureSource, type HasFailureReason } from '../core/errors/HasFailedError.js'
export { HasExpiredError, type HasExpiryHint } from '../core/errors/HasExpiredError.js'
export { HasCancelledError } from '../core/errors/HasCancelledError.js'
export { HasConnectionError, type HasConnectionReason } from '../core/errors/HasConnectionError.js'
export { HasProtocolVersionError } from '../core/errors/HasProtocolVersionError.js'
export { HasDecryptionError } from '../core/errors/HasDecryptionError.js'
export { HasNotAuthenticatedError } from '../core/errors/HasNotAuthenticatedError.js'
export { HasSessionExpiredError } from '../core/errors/HasSessionExpiredError.js'
export { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError.js'
export { createLoginMessage, parseLoginMessage, generateNonce, HIVE_MAINNET, type LoginMessage } from '../core/chain/loginMessage.js'
export { DEFAULT_HIVE_NODES } from '../core/chain/defaultNodes.js'
export type { ChainOptions } from '../core/chain/rpc.js'
export { readSessionCookie, formatSessionCookie, SESSION_COOKIE, type SessionCookie } from '../core/session/sessionCookie.js'
