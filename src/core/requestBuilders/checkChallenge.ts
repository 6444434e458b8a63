import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { wireChallenge } from '../crypto/challengeSpelling.js'
import { KEY_TYPES, type KeyType, MAX_CHALLENGE_CHARS, MAX_WIRE_CHALLENGE_CHARS } from '../protocol/constants.js'

/** Checks a challenge's key type and message before anything is sent; returns the message as it travels (wireChallenge). */
export function checkChallenge(keyType: KeyType, message: string): string {
  if (!KEY_TYPES.includes(keyType)) throw new HasInvalidArgumentError(`Unknown key type "${String(keyType).slice(0, 32)}".`)
  if (typeof message !== 'string' || message.length === 0) throw new HasInvalidArgumentError('The challenge message must be a non-empty string.')
  if (message.length > MAX_CHALLENGE_CHARS) {
    throw new HasInvalidArgumentError(`The challenge message is longer than ${MAX_CHALLENGE_CHARS} characters.`)
  }
  const wire = wireChallenge(message)
  if (wire.length > MAX_WIRE_CHALLENGE_CHARS) {
    throw new HasInvalidArgumentError('The challenge message is too long to travel to a wallet once spelled as bytes.')
  }
  return wire
}
