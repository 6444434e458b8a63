import type { SignErrorType } from '../core/actions/sign.js'

export type { AuthenticateErrorType } from '../core/actions/authenticate.js'
export type { HasRequestErrorType } from '../core/errors/HasRequestErrorType.js'

/** How a sign or challenge request can fail: a request error, or no usable session. */
export type SessionRequestErrorType = SignErrorType
