// React bindings and components: `hive-auth-react`. What React code uses of core is here too; the client, its actions
// and the protocol helpers are in `hive-auth-react/core`, checks in `/verify`, server helpers in `/server`.
export { HasProvider, type HasProviderProps } from '../react/HasProvider.js'
export { HasProviderMissingError } from '../react/HasProviderMissingError.js'
export type { HasAuthAdapter, HasAuthStatus } from '../react/authAdapter.js'
export { useHiveAuth, type UseHiveAuthResult, type UseHiveAuthParameters, type LoginOptions } from '../react/hooks/useHiveAuth.js'
export { useHasSign, type UseHasSignResult, type UseHasSignParameters } from '../react/hooks/useHasSign.js'
export { useHasChallenge, type UseHasChallengeResult, type UseHasChallengeParameters } from '../react/hooks/useHasChallenge.js'
export { usePendingRequest } from '../react/hooks/usePendingRequest.js'
export { useHasSession } from '../react/hooks/useHasSession.js'
export { useHasAccounts, type HasAccount } from '../react/hooks/useHasAccounts.js'
export { useHasConnection } from '../react/hooks/useHasConnection.js'
export { useCountdown, type Countdown } from '../react/hooks/useCountdown.js'
export { useHasClient } from '../react/hooks/useHasClient.js'
export { useHasState } from '../react/hooks/useHasState.js'
export { useHasModal, type UseHasModalResult } from '../react/hooks/useHasModal.js'
export { useHasRestoring } from '../react/hooks/useHasRestoring.js'
export { useHasRecentAccounts } from '../react/hooks/useHasRecentAccounts.js'
export { useHasModalHost } from '../react/hooks/useHasModalHost.js'
export { useHasConnectors, type HasConnectorInfo } from '../react/hooks/useHasConnectors.js'
export { useHasConfig, type HasConfig } from '../react/hooks/useHasConfig.js'
export type { ConnectorFeatures, ConnectorKind, HiveConnector } from '../core/connectors/HiveConnector.js'
export { authenticateMutationOptions } from '../query/authenticate.js'
export { signMutationOptions, type SignVariables } from '../query/sign.js'
export { challengeMutationOptions, type ChallengeVariables } from '../query/challenge.js'
export type { SessionRequestErrorType } from '../query/errorTypes.js'
export { HasLoginButton, type HasLoginButtonProps, type HasLoginButtonRenderProps } from '../components/HasLoginButton/HasLoginButton.js'
export { HasQrModal, type HasQrModalProps } from '../components/HasQrModal/HasQrModal.js'
export { HasLoginModal, type HasLoginModalProps } from '../components/HasQrModal/HasLoginModal.js'
export { HasSignPrompt, type HasSignPromptProps } from '../components/HasSignPrompt/HasSignPrompt.js'
export { HasUiProvider, type HasUiOptions, type HasTheme } from '../components/theme/HasUiProvider.js'
export { enLabels, type HasLabels } from '../components/i18n/en.js'
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
} from '../core/types.js'
export type { AuthenticateParameters, AuthenticateErrorType, LoginVerdict } from '../core/actions/authenticate.js'
export type { SignParameters, SignResult, SignErrorType, HiveOperation } from '../core/actions/sign.js'
export type { ChallengeParameters, ChallengeResult, DecryptResult, ChallengeErrorType } from '../core/actions/challenge.js'
export type { HasClient, HasClientOptions } from '../core/client/createHasClient.js'
export { isLiveStatus, type RequestStatus } from '../core/machine/request.js'
export { DEFAULT_HAS_HOSTS, type KeyType } from '../core/protocol/constants.js'
export type { HasStorage } from '../core/storage/HasStorage.js'
export { createMemoryStorage } from '../core/storage/createMemoryStorage.js'
export { createWebStorage } from '../core/storage/createWebStorage.js'
export { HasError, isHasError, type HasErrorCode } from '../core/errors/HasError.js'
export type { HasErrorType } from '../core/errors/HasErrorType.js'
export type { HasRequestErrorType } from '../core/errors/HasRequestErrorType.js'
export type { HasRejectedError, HasRejectionReason } from '../core/errors/HasRejectedError.js'
export type { HasFailedError, HasFailureReason, HasFailureSource } from '../core/errors/HasFailedError.js'
export type { HasExpiredError, HasExpiryHint } from '../core/errors/HasExpiredError.js'
export type { HasCancelledError } from '../core/errors/HasCancelledError.js'
export type { HasConnectionError, HasConnectionReason } from '../core/errors/HasConnectionError.js'
export type { HasVerificationError, HasVerificationReason } from '../core/errors/HasVerificationError.js'
export { readSessionCookie, formatSessionCookie, SESSION_COOKIE, type SessionCookie } from '../core/session/sessionCookie.js'
