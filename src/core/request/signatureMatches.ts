import { loadSignatures } from '../crypto/lazySignatures.js'

/**
 * Whether a wallet's answer is bound to the message that was sent: the signature must recover, over sha256 of that
 * exact message, to the public key the answer names. An answer replayed from another request fails this check.
 */
export async function signatureMatches(message: string, pubkey: string, signature: string): Promise<boolean> {
  const { verifySignature } = await loadSignatures()
  return verifySignature(message, signature, pubkey)
}

/** Why an answer that decrypted but did not verify was ignored (shown if the request then expires). */
export const UNBOUND_ANSWER = 'An answer arrived whose signature does not match the message sent; it was ignored.'
