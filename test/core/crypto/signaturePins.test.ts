import { describe, expect, it } from 'vitest'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { challengeDigest, recoverDigestSigner, recoverEnvelopeSigner, recoverPublicKey, verifySignature } from '../../../src/core/crypto/signatures'
import { createDevkitAccount } from '../../../src/devkit/accounts'
import { signMessage } from '../../../src/devkit/keys'

// The one canonical spelling of a signature and what each refusal says, pinned where `npm run mutation` found them
// loose.

const alice = createDevkitAccount('alice')
const signature = signMessage('hello', alice.keys.posting!)
const refusal = (run: () => unknown) => {
  try {
    run()
  } catch (error) {
    return error as HasInvalidArgumentError
  }
  throw new Error('no refusal')
}

describe('a signature is 130 lower-case hex characters, exactly', () => {
  it.each([
    ['with two more characters before it', `ff${signature}`],
    ['with two more characters after it', `${signature}ff`],
  ])('%s it is refused', (_, text) => {
    expect(refusal(() => recoverPublicKey('hello', text))).toMatchObject({
      shortMessage: 'A signature is 130 lower-case hexadecimal characters (65 bytes).',
    })
  })

  it('something that only turns into one as text is refused with the same words', () => {
    const sneaky = { toString: () => signature } as unknown as string
    expect(refusal(() => recoverPublicKey('hello', sneaky))).toBeInstanceOf(HasInvalidArgumentError)
  })

  it('a header below 31 is not a compressed key’s', () => {
    expect(refusal(() => recoverPublicKey('hello', `1b${signature.slice(2)}`))).toMatchObject({
      shortMessage: 'The signature header is not 31–34 (a compressed key).',
    })
  })

  it('a high S is refused in words', () => {
    expect(refusal(() => recoverPublicKey('hello', `${signature.slice(0, 66)}${'f'.repeat(64)}`))).toMatchObject({
      shortMessage: 'The signature is not canonical (high S).',
    })
  })

  it('an r that is no point on the curve recovers no key: a typed error, with its cause', () => {
    const error = refusal(() => recoverDigestSigner(challengeDigest('hello'), `1f${'0'.repeat(128)}`))
    expect(error).toMatchObject({ shortMessage: 'No public key can be recovered from this signature.' })
    expect(error.cause).toBeDefined()
  })

  it('a message that is not a string is refused in words, for both forms', () => {
    expect(refusal(() => recoverPublicKey(7 as unknown as string, signature))).toMatchObject({ shortMessage: 'The message must be a string.' })
    expect(refusal(() => recoverEnvelopeSigner(7 as unknown as string, signature))).toMatchObject({ shortMessage: 'The message must be a string.' })
  })

  it('verifySignature is false, never an error, for a key that is not one', () => {
    expect(verifySignature('hello', signature, alice.publicKeys.posting)).toBe(true)
    expect(verifySignature('hello', signature, 'STMnot-a-key')).toBe(false)
  })
})
