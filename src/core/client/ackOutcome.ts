import type { HasError } from '../errors/HasError'

/** How a request reads an approval frame: a result, a failure, or "not genuine, keep waiting". */
export type AckOutcome<R> = { type: 'ok'; value: R } | { type: 'fail'; error: HasError } | { type: 'ignore' }

export const ignore: AckOutcome<never> = { type: 'ignore' }
export const ok = <R>(value: R): AckOutcome<R> => ({ type: 'ok', value })
export const fail = (error: HasError): AckOutcome<never> => ({ type: 'fail', error })
