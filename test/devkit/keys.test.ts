import { describe, expect, it } from 'vitest'
import { verifySignature } from '../../src/core/crypto/signatures'
import { privateKeyFromLogin, privateKeyToWif, publicKeyOf, signMessage } from '../../src/devkit/keys'
import { SIGNATURE_VECTOR as V } from '../fixtures/signatureVector'

describe('Hive test keys', () => {
  const key = privateKeyFromLogin(V.account, V.password, V.role)

  it('derives the same WIF and public key as dhive', () => {
    expect(privateKeyToWif(key)).toBe(V.wif)
    expect(publicKeyOf(key)).toBe(V.publicKey)
  })

  it('signs canonically with a 1f/20 header, and its signatures verify', () => {
    for (let i = 0; i < 20; i++) {
      const message = `{"login":"alice","ts":${1700000000000 + i}}`
      const signature = signMessage(message, key)
      expect(signature).toMatch(/^(1f|20)[0-9a-f]{128}$/)
      expect(verifySignature(message, signature, V.publicKey)).toBe(true)
      expect(verifySignature(`${message} `, signature, V.publicKey)).toBe(false)
    }
  })
})
