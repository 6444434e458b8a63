import CryptoJS from 'crypto-js'
import { createDecipheriv, createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { decryptPayload, decryptText, encryptPayload, encryptText } from '../../../src/core/crypto/aes'
import { HasDecryptionError } from '../../../src/core/errors/HasDecryptionError'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { AES_RANDOM_SALT_VECTOR, AES_VECTORS } from '../../fixtures/aesVectors'

const hex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'))

/** An independent OpenSSL EVP_BytesToKey + aes-256-cbc decryption on node:crypto, to check against. */
function nodeDecrypt(b64: string, passphrase: string): string {
  const buf = Buffer.from(b64, 'base64')
  const salt = buf.subarray(8, 16)
  let derived = Buffer.alloc(0)
  let prev = Buffer.alloc(0)
  while (derived.length < 48) {
    prev = createHash('md5')
      .update(Buffer.concat([prev, Buffer.from(passphrase, 'utf8'), salt]))
      .digest()
    derived = Buffer.concat([derived, prev])
  }
  const decipher = createDecipheriv('aes-256-cbc', derived.subarray(0, 32), derived.subarray(32, 48))
  return Buffer.concat([decipher.update(buf.subarray(16)), decipher.final()]).toString('utf8')
}

describe('AES vectors', () => {
  for (const v of AES_VECTORS) {
    it(`${v.name}: encrypts byte for byte and decrypts back`, () => {
      expect(encryptText(v.plaintext, v.passphrase, hex(v.salt))).toBe(v.ciphertext)
      expect(decryptText(v.ciphertext, v.passphrase)).toBe(v.plaintext)
    })
  }

  it('V5 (random salt) decrypts', () => {
    const { ciphertext, passphrase, plaintext } = AES_RANDOM_SALT_VECTOR
    expect(decryptText(ciphertext, passphrase)).toBe(plaintext)
    expect(decryptPayload(ciphertext, passphrase)).toEqual(JSON.parse(plaintext))
  })
})

describe('compatibility with crypto-js and OpenSSL', () => {
  const samples: unknown[] = ['9b0e2dc3-f574-4766-abdd-c429dce11284', { expire: 1, token: 'é🐝' }, [1, 'two'], '']

  it('official crypto-js AES.decrypt reads what encryptPayload wrote', () => {
    for (const value of samples) {
      const key = 'k-' + Math.random()
      const wire = encryptPayload(value, key)
      expect(wire.startsWith('U2FsdGVkX1')).toBe(true)
      const plain = CryptoJS.AES.decrypt(wire, key).toString(CryptoJS.enc.Utf8)
      expect(plain).toBe(typeof value === 'string' ? value : JSON.stringify(value))
      expect(nodeDecrypt(wire, key)).toBe(plain)
    }
  })

  it('decryptPayload reads what official crypto-js AES.encrypt wrote', () => {
    const key = 'b7a1c6e2-3f4d-4e5a-9b8c-7d6e5f4a3b2c'
    const wire = CryptoJS.AES.encrypt(JSON.stringify({ expire: 42, token: 'tök' }), key).toString()
    expect(decryptPayload(wire, key)).toEqual({ expire: 42, token: 'tök' })
    const uuidWire = CryptoJS.AES.encrypt('the-uuid', key).toString()
    expect(decryptPayload(uuidWire, key, 'text')).toBe('the-uuid')
  })

  it('keeps a leading U+FEFF in text, both ways, as crypto-js does', () => {
    const key = 'b7a1c6e2-3f4d-4e5a-9b8c-7d6e5f4a3b2c'
    for (const text of ['\uFEFF', '\uFEFFmemo text', '\uFEFF\uFEFFtwice']) {
      expect(decryptPayload(CryptoJS.AES.encrypt(text, key).toString(), key, 'text')).toBe(text)
      expect(CryptoJS.AES.decrypt(encryptText(text, key), key).toString(CryptoJS.enc.Utf8)).toBe(text)
    }
  })
})

describe('bad input', () => {
  const good = AES_VECTORS[1]

  it('rejects 2000 wrong keys with HasDecryptionError, never returning garbage', () => {
    let typed = 0
    for (let i = 0; i < 2000; i++) {
      try {
        decryptPayload(AES_VECTORS[0].ciphertext, `wrong-${i}`)
      } catch (error) {
        if (error instanceof HasDecryptionError) typed++
      }
    }
    expect(typed).toBe(2000)
  })

  it.each([
    ['empty', ''],
    ['not base64', 'not base64 at all!'],
    ['no Salted__ header', Buffer.alloc(48, 1).toString('base64')],
    ['truncated', good.ciphertext.slice(0, 40)],
    ['ciphertext not a multiple of 16', Buffer.concat([Buffer.from('Salted__'), Buffer.alloc(8 + 20)]).toString('base64')],
    ['header only', Buffer.from('Salted__12345678').toString('base64')],
  ])('rejects %s input', (_name, input) => {
    expect(() => decryptText(input, good.passphrase)).toThrow(HasDecryptionError)
  })

  it('rejects non-string input and an empty key with typed errors', () => {
    expect(() => decryptText(undefined as unknown as string, 'k')).toThrow(HasDecryptionError)
    expect(() => decryptText(good.ciphertext, '')).toThrow(HasInvalidArgumentError)
    expect(() => encryptPayload('x', '')).toThrow(HasInvalidArgumentError)
  })

  it('rejects values that are not JSON-serialisable', () => {
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect(() => encryptPayload(circular, 'k')).toThrow(HasInvalidArgumentError)
    expect(() => encryptPayload(undefined, 'k')).toThrow(HasInvalidArgumentError)
    expect(() => encryptPayload(10n, 'k')).toThrow(HasInvalidArgumentError)
  })

  it('json mode rejects plaintext that is not JSON', () => {
    expect(() => decryptPayload(good.ciphertext, good.passphrase)).toThrow(HasDecryptionError)
  })
})
