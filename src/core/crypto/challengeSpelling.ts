// How a challenge travels to a HiveAuth wallet. Every HAS wallet whose source is public pastes the challenge into
// JavaScript source between single quotes before signing it: Hive Keychain Mobile escapes only `\` and `'` (a line feed
// breaks the source and no answer ever comes), the HiveAuth app escapes nothing. A Sign in with Hive message has
// several lines, so the kit sends such a challenge as its Buffer-JSON envelope, which holds only ASCII digits and JSON
// punctuation. Keychain (mobile and extension) reads the envelope and signs the message's own bytes; the HiveAuth app
// and the service PKSA sign the envelope's text. Either signature commits to the message (docs/sign-in-with-hive.md).

/** Printable ASCII without `'` and `\`: a challenge every HAS wallet signs as it is. */
const TRAVELS_AS_IS = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/

/** The Buffer-JSON envelope of a message, spelled exactly: `{"type":"Buffer","data":[…]}` of its UTF-8 bytes. */
export function bufferEnvelope(message: string): string {
  return `{"type":"Buffer","data":[${new TextEncoder().encode(message).join(',')}]}`
}

/** The challenge as the kit sends it: the message itself when every wallet can sign it as it is, else its envelope. */
export function wireChallenge(message: string): string {
  return TRAVELS_AS_IS.test(message) ? message : bufferEnvelope(message)
}
