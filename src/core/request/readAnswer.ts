import { quoted } from '../protocol/untrustedText.js'
import { type AesModule, loadAes } from '../crypto/lazyAes.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasRejectedError } from '../errors/HasRejectedError.js'
import { type AppInboundMessage, kindOfCommand, type NackMessage } from '../protocol/messages.js'
import type { RequestSpec } from './RequestSpec.js'

/** What a wallet's answer means for its request, as an event of the request machine (`answer`: its fingerprint). */
export type Answer<R> =
  | { event: 'ACK'; value: R; answer?: string }
  | { event: 'NACK'; error: HasErrorType; answer?: string }
  | { event: 'ERR'; error: HasErrorType }
  | { event: 'IGNORE'; reason?: string; answer?: string }

const IGNORE = { event: 'IGNORE' } as const

/** Why an answer the session had already accepted was ignored (shown if the request then expires). */
export const REPLAYED_ANSWER = 'An answer this session had already accepted arrived again (a replay); it was ignored.'

/**
 * Reads a `*_ack`, `*_nack` or `*_err` frame for a request of `spec`'s kind. Frames of another kind, and answers that
 * are not genuine (wrong key, wrong uuid, a signature over another message), are IGNORE: the request keeps waiting.
 * An encrypted answer comes with its fingerprint (`answer`): the caller refuses one already spent.
 */
export async function readAnswer<R>(spec: RequestSpec<R>, uuid: string, message: AppInboundMessage, host: string): Promise<Answer<R>> {
  if (kindOfCommand(message.cmd) !== spec.kind) return IGNORE
  let aes: AesModule
  try {
    aes = await loadAes()
  } catch (cause) {
    return { event: 'ERR', error: new HasConnectionError('The decryption code could not be loaded.', { cause, reason: 'code' }) }
  }
  const encrypted = encryptedPart(message)
  const answer = encrypted === undefined ? undefined : aes.answerFingerprint(encrypted)
  if (message.cmd.endsWith('_nack')) return readNack(aes, message as NackMessage, uuid, spec, answer)
  if (message.cmd.endsWith('_err')) {
    const raw = 'error' in message ? message.error : undefined
    const details = raw === undefined ? undefined : (tryDecrypt(aes, raw, spec.key) ?? raw)
    return { event: 'ERR', error: new HasFailedError('wallet', 'The wallet could not complete the request.', quoted('wallet', details)) }
  }
  const data = ackData(aes, message, spec.key)
  if (!data) return { event: 'IGNORE', answer } // not ours: forged by the relay or another page, never an approval
  let outcome: Awaited<ReturnType<RequestSpec<R>['readAck']>>
  try {
    outcome = await spec.readAck(data.value, host)
  } catch (cause) {
    return { event: 'ERR', error: new HasConnectionError('The signature check could not be loaded.', { cause, reason: 'code' }) }
  }
  if (outcome.type === 'ok') return { event: 'ACK', value: outcome.value, answer }
  if (outcome.type === 'fail') return { event: 'ERR', error: outcome.error }
  return { event: 'IGNORE', reason: outcome.reason, answer }
}

/** The part of an answer only the key holder can write: an approval's data, a refusal's proof. Sign answers have none. */
function encryptedPart(message: AppInboundMessage): string | undefined {
  if (message.cmd === 'auth_ack' || message.cmd === 'challenge_ack') return typeof message.data === 'string' ? message.data : undefined
  if (message.cmd.endsWith('_nack')) return (message as NackMessage).data
  return undefined
}

/** Hive Keychain's text when the user declines a transaction (its nack then carries no proof). */
const USER_CANCEL_TEXT = /^request (was )?cancell?ed by (the )?user\.?$/i

/**
 * A nack is a refusal when it proves it came from the key holder (`data` decrypts to our uuid), or when its text is
 * the user-cancel text. Any other nack without proof is a failure the wallet reports: Hive Keychain uses the same
 * frame for a broadcast the chain rejected ("missing required authority", RC), which must never read as "declined".
 */
function readNack(aes: AesModule, message: NackMessage, uuid: string, spec: RequestSpec<unknown>, answer: string | undefined): Answer<never> {
  const details = quoted('wallet', message.error)
  if (message.data !== undefined) {
    if (tryDecrypt(aes, message.data, spec.key) !== uuid) return IGNORE // forged: keep waiting
    return { event: 'NACK', error: new HasRejectedError(true, details), answer }
  }
  if (message.error && USER_CANCEL_TEXT.test(message.error.trim())) return { event: 'NACK', error: new HasRejectedError(false, details) }
  if (spec.kind === 'sign' && message.error) {
    return { event: 'ERR', error: new HasFailedError('wallet', 'The transaction failed.', { ...details, reason: 'chain' }) }
  }
  return { event: 'ERR', error: new HasFailedError('wallet', 'The wallet ended the request without completing it.', details) }
}

/**
 * An approval's data: a login's or a challenge's is encrypted (only the key holder can write it) and counts only when
 * it decrypts to JSON with our key; a sign's is sent as it is.
 */
function ackData(aes: AesModule, message: AppInboundMessage, key: string): { value: unknown } | undefined {
  if (message.cmd !== 'auth_ack' && message.cmd !== 'challenge_ack') return { value: (message as { data?: unknown }).data }
  try {
    return { value: aes.decryptPayload(message.data, key) }
  } catch {
    return undefined
  }
}

function tryDecrypt(aes: AesModule, text: string, key: string): string | undefined {
  try {
    return aes.decryptText(text, key)
  } catch {
    return undefined
  }
}
