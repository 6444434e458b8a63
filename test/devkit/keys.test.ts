import { describe, expect, it } from 'vitest'
import {
  challengeDigest,
  privateKeyFromLogin,
  privateKeyToWif,
  publicKeyOf,
  recoverSigner,
  signMessage,
  verifyChallenge,
} from '../../src/devkit/keys'
import { SIGNATURE_VECTOR as V } from '../fixtures/signatureVector'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('Hive test keys', () => {
  const key = privateKeyFromLogin(V.account, V.password, V.role)

  it('derives the same WIF and public key as dhive', () => {
    expect(privateKeyToWif(key)).toBe(V.wif)
    expect(publicKeyOf(key)).toBe(V.publicKey)
  })

  it('hashes challenges as plain SHA-256 of the UTF-8 text', () => {
    expect(hex(challengeDigest(V.challenge))).toBe(V.sha256)
  })

  it('recovers the signer of both reference signatures (hive-js and dhive)', () => {
    expect(recoverSigner(V.challenge, V.hiveJsSignature)).toBe(V.publicKey)
    expect(recoverSigner(V.challenge, V.dhiveSignature)).toBe(V.publicKey)
  })

  it('signs canonically with a 1f/20 header, and its signatures verify', () => {
    for (let i = 0; i < 20; i++) {
      const message = `{"login":"alice","ts":${1700000000000 + i}}`
      const signature = signMessage(message, key)
      expect(signature).toMatch(/^(1f|20)[0-9a-f]{128}$/)
      expect(verifyChallenge(message, signature, V.publicKey)).toBe(true)
      expect(verifyChallenge(message + ' ', signature, V.publicKey)).toBe(false)
    }
  })

  it('reports malformed signatures as unverifiable instead of throwing', () => {
    expect(recoverSigner(V.challenge, 'zz')).toBeUndefined()
    expect(recoverSigner(V.challenge, '00'.repeat(65))).toBeUndefined()
    expect(verifyChallenge(V.challenge, V.hiveJsSignature.replace(/^20/, '1f'), V.publicKey)).toBe(false)
  })
})
