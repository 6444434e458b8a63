import { describe, expect, it } from 'vitest'
import { readHiveSignerToken, writeHiveSignerToken } from '../../../src/core/connectors/hiveSignerToken'

// HiveSigner's access token, read as hivesigner.com's API reads it (its base64 variant of a signed JSON), and nothing
// else taken for one.

const variant = (json: unknown) => btoa(JSON.stringify(json)).replace(/[+/=]/g, (c) => ({ '+': '-', '/': '_', '=': '.' })[c]!)
const body = { signed_message: { type: 'login', app: 'my.app' }, authors: ['alice'], timestamp: 1_765_000_000 }

describe('readHiveSignerToken', () => {
  it('reads what HiveSigner writes, with the exact text its signature covers', () => {
    let signed = ''
    const token = writeHiveSignerToken({ account: 'alice', app: 'my.app', type: 'login', timestamp: 1_765_000_000 }, (text) => {
      signed = text
      return 'ab'.repeat(65)
    })
    expect(token).toMatch(/^[A-Za-z0-9_.-]+$/)
    expect(readHiveSignerToken(token)).toEqual({
      account: 'alice',
      app: 'my.app',
      type: 'login',
      timestamp: 1_765_000_000,
      signature: 'ab'.repeat(65),
      signedText: signed,
    })
    expect(signed).toBe(JSON.stringify(body))
  })

  it.each([
    ['not a string', 42],
    ['too long', 'a'.repeat(4097)],
    ['not base64', '%%%'],
    ['not JSON', variant('x').slice(0, 3)],
    ['no signed_message', variant({ ...body, signed_message: undefined, signatures: ['s'] })],
    ['no app', variant({ ...body, signed_message: { type: 'login' }, signatures: ['s'] })],
    ['no author', variant({ ...body, authors: [], signatures: ['s'] })],
    ['no signature', variant({ ...body, signatures: [] })],
    ['a timestamp that is not an integer', variant({ ...body, timestamp: '1765000000', signatures: ['s'] })],
  ])('%s: not a token', (_, token) => {
    expect(readHiveSignerToken(token)).toBeUndefined()
  })

  it('a token that is not UTF-8 is no token', () => {
    expect(readHiveSignerToken(btoa('\xff\xfe{}'))).toBeUndefined()
  })
})
