import type { HasErrorType } from '../../core/errors/HasErrorType.js'
import type { HasUiLabels } from './enUi.js'
import { format } from './format.js'
import { keyName } from './keyName.js'

/**
 * What to tell a person about an error, in their language: from the error's code, reason or hint, never from the
 * core's English `shortMessage` (and never from text a wallet or relay wrote: that is shown apart, as their quote).
 */
export function errorText(error: HasErrorType, labels: HasUiLabels, account = ''): string {
  switch (error.code) {
    case 'rejected':
      // Keychain says "cancelled" for a missing account or key too: both are said.
      if (error.reason === 'declined_or_missing_key') return format(labels.rejectedOrMissingKey, { keyType: keyName(error.keyType, labels), account })
      return labels.rejectedBody
    case 'cancelled':
      return labels.cancelledBody
    case 'expired':
      if (error.hint === 'sign_only') return labels.expiredSignOnly
      if (error.hint === 'service_mode') return labels.expiredServiceMode
      if (error.hint === 'no_answer') return labels.expiredNoAnswer
      if (error.hint === 'relay_lost') return labels.expiredRelayLost
      if (error.hint === 'missing_key') return format(labels.expiredMissingKey, { keyType: keyName(error.keyType, labels), account })
      return labels.expiredBody
    case 'failed':
      if (error.reason === 'chain') return labels.failedChain
      if (error.reason === 'unsupported') return labels.failedUnsupported
      if (error.reason === 'superseded') return labels.failedSuperseded
      if (error.reason === 'not_installed') return labels.failedNotInstalled
      if (error.reason === 'blocked') return labels.failedBlocked
      if (error.reason === 'missing_key') return format(labels.failedMissingKey, { keyType: keyName(error.keyType, labels), account })
      return error.source === 'relay' ? labels.failedRelay : labels.failedWallet
    case 'connection':
      return error.reason === 'code' ? labels.errorCode : error.reason === 'nodes' ? labels.errorNodes : labels.errorConnection
    case 'protocol':
      return labels.errorProtocol
    case 'protocol_version':
      return labels.errorProtocolVersion
    case 'not_authenticated':
      return labels.errorNotAuthenticated
    case 'session_expired':
      return labels.errorSessionExpired
    case 'invalid_argument':
      return labels.errorInvalidArgument
    case 'decryption':
      return labels.errorDecryption
    case 'storage':
      return labels.errorStorage
    case 'verification':
      return error.reason === 'server'
        ? labels.errorVerificationServer
        : error.reason === 'nodes'
          ? labels.errorVerificationNodes
          : error.reason === 'timeout'
            ? labels.errorVerificationTimeout
            : labels.errorVerification
  }
}
