import { describe, expect, it } from 'vitest'
import { challengeDigest, decodePublicKey, recoverPublicKey, verifySignature } from '../../../src/core/crypto/signatures'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { createDevkitAccount } from '../../../src/devkit/accounts'
import { createRandom } from '../../support/garbage'
import { SIGNATURE_VECTOR as V } from '../../fixtures/signatureVector'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

describe('challenge signatures (PROTOCOL §7.2 vector)', () => {
  it('hashes a challenge as plain SHA-256 of its UTF-8 text', () => {
    expect(hex(challengeDigest(V.challenge))).toBe(V.sha256)
  })

  it('both reference signatures (hive-js and dhive differ) recover to the vector key and verify', () => {
    expect(V.hiveJsSignature).not.toBe(V.dhiveSignature)
    for (const signature of [V.hiveJsSignature, V.dhiveSignature]) {
      expect(recoverPublicKey(V.challenge, signature)).toBe(V.publicKey)
      expect(verifySignature(V.challenge, signature, V.publicKey)).toBe(true)
    }
  })

  it('a changed message, a changed signature byte or another key fails', () => {
    const other = createDevkitAccount('bob').publicKeys.posting
    expect(verifySignature(`${V.challenge} `, V.hiveJsSignature, V.publicKey)).toBe(false)
    const flipped = V.hiveJsSignature.slice(0, 40) + (V.hiveJsSignature[40] === 'a' ? 'b' : 'a') + V.hiveJsSignature.slice(41)
    expect(verifySignature(V.challenge, flipped, V.publicKey)).toBe(false)
    expect(verifySignature(V.challenge, V.hiveJsSignature.replace(/^20/, '1f'), V.publicKey)).toBe(false)
    expect(verifySignature(V.challenge, V.hiveJsSignature, other)).toBe(false)
  })

  it('a key with a broken checksum or prefix is not a key', () => {
    expect(decodePublicKey(V.publicKey)).toHaveLength(33)
    expect(decodePublicKey(`${V.publicKey.slice(0, -1)}${V.publicKey.endsWith('o') ? 'p' : 'o'}`)).toBeUndefined()
    expect(verifySignature(V.challenge, V.hiveJsSignature, `stm${V.publicKey.slice(3)}`)).toBe(false)
  })

  it('malformed signatures are a typed error from recoverPublicKey and false from verifySignature', () => {
    for (const bad of ['zz', '00'.repeat(65), `26${'11'.repeat(64)}`, '', `${V.hiveJsSignature}00`]) {
      expect(() => recoverPublicKey(V.challenge, bad)).toThrow(HasInvalidArgumentError)
      expect(verifySignature(V.challenge, bad, V.publicKey)).toBe(false)
    }
  })

  it('fuzz: random and truncated input never escapes as an untyped exception', () => {
    const r = createRandom(0x5eed)
    const hexChars = '0123456789abcdefABCDEFxz '
    for (let i = 0; i < 2000; i++) {
      const length = r.pick([0, 1, 64, 128, 129, 130, 131, r.int(300)])
      let signature = Array.from({ length }, () => r.pick([...hexChars])).join('')
      if (i % 3 === 0) signature = V.hiveJsSignature.slice(0, r.int(131))
      if (i % 5 === 0) signature = `${r.pick(['1f', '20', '1b', '22', '00'])}${signature.slice(2)}`
      const message = i % 2 ? V.challenge : String(r.int(1e9))
      const key = i % 4 ? V.publicKey : `STM${signature.slice(0, 50)}`
      expect(typeof verifySignature(message, signature, key)).toBe('boolean')
      try {
        const recovered = recoverPublicKey(message, signature)
        expect(recovered).toMatch(/^STM[1-9A-HJ-NP-Za-km-z]{50}$/)
      } catch (error) {
        expect(error).toBeInstanceOf(HasInvalidArgumentError)
      }
    }
  })
})

describe('only the canonical spelling of a signature verifies', () => {
  const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
  const canonical = V.dhiveSignature
  const header = Number.parseInt(canonical.slice(0, 2), 16)
  const s = BigInt(`0x${canonical.slice(66)}`)
  const twinS = (N - s).toString(16).padStart(64, '0')
  const spellings = {
    'the 27-based header': (header - 4).toString(16).padStart(2, '0') + canonical.slice(2),
    'upper-case hex': canonical.toUpperCase(),
    'the high-S twin': (header ^ 1).toString(16).padStart(2, '0') + canonical.slice(2, 66) + twinS,
    'the high-S twin, upper case': ((header ^ 1).toString(16).padStart(2, '0') + canonical.slice(2, 66) + twinS).toUpperCase(),
  }

  it('the canonical one does', () => {
    expect(verifySignature(V.challenge, canonical, V.publicKey)).toBe(true)
  })

  it.each(Object.entries(spellings))('%s does not, though it recovers the same key', (_, spelling) => {
    expect(verifySignature(V.challenge, spelling, V.publicKey)).toBe(false)
    expect(() => recoverPublicKey(V.challenge, spelling)).toThrow(HasInvalidArgumentError)
  })

  it('a key with another prefix than the chain’s is not that key', () => {
    const testnet = `TST${V.publicKey.slice(3)}`
    expect(verifySignature(V.challenge, canonical, testnet)).toBe(false)
    expect(verifySignature(V.challenge, canonical, testnet, 'TST')).toBe(true)
    expect(recoverPublicKey(V.challenge, canonical, 'TST')).toBe(testnet)
    expect(decodePublicKey(testnet)).toBeUndefined()
  })
})
