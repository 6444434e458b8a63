import type { HasErrorType } from '../errors/HasErrorType.js'

/** How a request reads an approval frame: a result, a failure, or "not genuine, keep waiting" (with why). */
export type AckOutcome<R> = { type: 'ok'; value: R } | { type: 'fail'; error: HasErrorType } | { type: 'ignore'; reason?: string }

export const ignore: AckOutcome<never> = { type: 'ignore' }
export const ignoreBecause = (reason: string): AckOutcome<never> => ({ type: 'ignore', reason })
export const ok = <R>(value: R): AckOutcome<R> => ({ type: 'ok', value })
export const fail = (error: HasErrorType): AckOutcome<never> => ({ type: 'fail', error })
