import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { base64ToUtf8, utf8ToBase64 } from './base64.js'
import { AUTH_LINK_PREFIX, CHALLENGE_LINK_PREFIX, SIGN_LINK_PREFIX } from './constants.js'
import { isRecord } from './parseFrame.js'

/** What an auth deep link carries to the wallet: the request, its key and the relay to meet on. */
export interface AuthLinkPayload {
  account: string
  uuid: string
  key: string
  host: string
}

/** Builds `has://auth_req/<base64>` with the fields in the order the HiveAuth docs use (account, uuid, key, host). */
export function buildAuthLink({ account, uuid, key, host }: AuthLinkPayload): string {
  const payload = { account, uuid, key, host }
  for (const [name, value] of Object.entries(payload)) {
    if (typeof value !== 'string' || !value) throw new HasInvalidArgumentError(`An auth link needs a non-empty ${name}.`)
  }
  return AUTH_LINK_PREFIX + utf8ToBase64(JSON.stringify(payload))
}

/** Reads an auth deep link (or just its base64 part) back into its payload; HasInvalidArgumentError if malformed. */
export function parseAuthLink(link: string): AuthLinkPayload {
  if (typeof link !== 'string') throw new HasInvalidArgumentError('An auth link must be a string.')
  const trimmed = link.trim()
  const encoded = trimmed.startsWith(AUTH_LINK_PREFIX) ? trimmed.slice(AUTH_LINK_PREFIX.length) : trimmed
  if (encoded.includes('://')) throw new HasInvalidArgumentError('Not a has://auth_req/ link.', { details: trimmed.slice(0, 80) })
  let payload: unknown
  try {
    payload = JSON.parse(base64ToUtf8(encoded) ?? '')
  } catch {}
  if (!isRecord(payload)) throw new HasInvalidArgumentError('Not a base64 JSON auth link.')
  const { account, uuid, key, host } = payload
  if (![account, uuid, key, host].every((v) => typeof v === 'string' && v.length > 0)) {
    throw new HasInvalidArgumentError('An auth link needs account, uuid, key and host.')
  }
  return { account, uuid, key, host } as AuthLinkPayload
}

/**
 * Builds the link that brings the wallet to the front for a sign or challenge request. It carries no key: the wallet
 * already has it, and any has:// URL wakes it.
 */
export function buildRequestLink(kind: 'sign' | 'challenge', payload: { account: string; uuid: string; host: string }): string {
  const prefix = kind === 'sign' ? SIGN_LINK_PREFIX : CHALLENGE_LINK_PREFIX
  const { account, uuid, host } = payload
  return prefix + utf8ToBase64(JSON.stringify({ account, uuid, host }))
}
