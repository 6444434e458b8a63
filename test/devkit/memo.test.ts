import { base58 } from '@scure/base'
import { describe, expect, it } from 'vitest'
import { HasDecryptionError } from '../../src/core/errors/HasDecryptionError'
import dhive from '@hiveio/dhive'
import { privateKeyFromLogin, privateKeyToWif, publicKeyOf } from '../../src/devkit/keys'
import { decodeMemo, encodeMemo } from '../../src/devkit/memo'
import { createRandom } from '../support/garbage'
import { MEMO_VECTORS as V } from '../fixtures/memoVectors'

const aliceMemo = privateKeyFromLogin('alice', 'test-password-not-real', 'memo')
const bobMemo = privateKeyFromLogin('bob', 'test-password-not-real', 'memo')
const relayKey = privateKeyFromLogin('hive-auth-devkit', 'relay', 'memo')

describe('Hive memo encryption (dhive vectors)', () => {
  it('derives the same public keys as dhive', () => {
    expect(publicKeyOf(aliceMemo)).toBe(V.alicePublicMemo)
    expect(publicKeyOf(relayKey)).toBe(V.relayPublic)
  })

  it('encodes byte for byte as dhive does, given the same nonce', () => {
    expect(encodeMemo(aliceMemo, V.relayPublic, V.registrationPlain, V.fixedNonce)).toBe(V.registrationMemo)
  })

  it('decodes dhive memos with the recipient key and with the sender key', () => {
    expect(decodeMemo(relayKey, V.registrationMemo)).toEqual({ message: V.registrationPlain, from: V.alicePublicMemo, to: V.relayPublic })
    expect(decodeMemo(relayKey, V.uuidMemo).message).toBe(`#${V.uuid}`)
    expect(decodeMemo(relayKey, V.doubleHashMemo).message).toBe(`##${V.uuid}`)
    expect(decodeMemo(aliceMemo, V.toAliceFromBob).message).toBe(V.toAliceFromBobPlain)
    expect(decodeMemo(bobMemo, V.toAliceFromBob).message).toBe(V.toAliceFromBobPlain)
  })

  it('round-trips UTF-8 with a random nonce, and a third key cannot read it', () => {
    const memo = encodeMemo(bobMemo, V.alicePublicMemo, '#héllo 🐝')
    expect(memo).not.toBe(encodeMemo(bobMemo, V.alicePublicMemo, '#héllo 🐝'))
    expect(decodeMemo(aliceMemo, memo).message).toBe('#héllo 🐝')
    expect(() => decodeMemo(relayKey, memo)).toThrow(HasDecryptionError)
  })

  it('keeps a leading U+FEFF, both ways against dhive', () => {
    const text = '#\uFEFFbyte order mark first'
    const fromDhive = dhive.Memo.encode(dhive.PrivateKey.fromString(privateKeyToWif(bobMemo)), V.alicePublicMemo, text)
    expect(decodeMemo(aliceMemo, fromDhive).message).toBe(text)
    const ours = encodeMemo(bobMemo, V.alicePublicMemo, text)
    expect(dhive.Memo.decode(dhive.PrivateKey.fromString(privateKeyToWif(aliceMemo)), ours)).toBe(text)
  })

  it('malformed memos are a typed error, never another exception', () => {
    const r = createRandom(1234)
    for (let i = 0; i < 500; i++) {
      const cut = V.registrationMemo.slice(0, r.int(V.registrationMemo.length))
      const noise = `#${base58.encode(Uint8Array.from({ length: 60 + r.int(140) }, () => r.int(256)))}`
      const invalid = `#${Array.from({ length: r.int(200) }, () => r.pick([...'123456789ABCabc0OIl+/'])).join('')}`
      for (const input of [cut, noise, invalid]) expect(() => decodeMemo(relayKey, input)).toThrow(HasDecryptionError)
    }
  })
})
