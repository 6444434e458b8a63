import { describe, expect, it } from 'vitest'
import { createLoginMessage, type LoginMessage, parseLoginMessage } from '../../../src/core/chain/loginMessage'
import { isDateTime } from '../../../src/core/chain/loginMessageRules'
import { verifyLoginMessage } from '../../../src/core/chain/verifyLoginMessage'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { base, text } from '../../fixtures/siwh/common'

// Each rule of Sign in with Hive that the vectors cannot reach (wrong types from JavaScript callers, bounds, the
// calendar), pinned one by one: `npm run mutation` found these changes surviving every vector.

const refused = (fields: Partial<LoginMessage>) => () => createLoginMessage({ ...base, ...fields } as LoginMessage)

describe('fields of the wrong type are refused with a typed error, never coerced', () => {
  it.each([
    ['nonce', 12345678],
    ['domain', 123],
    ['uri', 5],
    ['scheme', 1],
    ['requestId', 7],
    ['chainId', 0],
    ['statement', 42],
    ['resources', 'https://example.com/tos'],
  ])('%s = %j', (field, value) => {
    expect(refused({ [field]: value } as Partial<LoginMessage>)).toThrow(HasInvalidArgumentError)
  })

  it('a text that is not a string is not a message', () => {
    expect(() => parseLoginMessage(123 as unknown as string)).toThrow(HasInvalidArgumentError)
  })
})

describe('the grammar, where the vectors do not reach', () => {
  const good = text()
  it.each([
    ['a first line that is only the domain', good.replace('example.com wants you to sign in with your Hive account:', 'example.com')],
    ['a header with words after it', good.replace('Hive account:', 'Hive account: please')],
    ['a resource line without its dash', `${good}\nResources:\nhttps://example.com/tos`],
    ['an invalid Expiration Time', good.replace('Expiration Time: 2026-12-01T10:10:00.000Z', 'Expiration Time: 2026-02-30T10:10:00.000Z')],
    ['an invalid Not Before', `${good}\nNot Before: 2026-12-01T25:00:00Z`],
    ['a resource that is not a URI', `${good}\nResources:\n- not a uri`],
  ])('refuses %s', (_, message) => {
    expect(() => parseLoginMessage(message)).toThrow(HasInvalidArgumentError)
  })

  it.each([
    ['a scheme with a space', { scheme: 'ht tp' }],
    ['a URI starting with a digit', { uri: '1https://example.com/' }],
    ['65 resources', { resources: Array.from({ length: 65 }, (_, i) => `https://example.com/${i}`) }],
    ['an empty statement', { statement: '' }],
  ])('refuses %s', (_, fields) => {
    expect(refused(fields as Partial<LoginMessage>)).toThrow(HasInvalidArgumentError)
  })

  it.each([
    ['a one-letter label', { domain: 'a.b' }],
    ['an IPv6 literal', { domain: '[::1]', uri: 'https://[::1]/' }],
    ['port 65535', { domain: 'example.com:65535' }],
    ['64 resources', { resources: Array.from({ length: 64 }, (_, i) => `https://e.x/${i}`) }],
  ])('accepts %s', (_, fields) => {
    const message = createLoginMessage({ ...base, ...fields } as LoginMessage)
    expect(parseLoginMessage(message)).toMatchObject(fields)
  })

  it('counts the message in code points: 4096 pass, 4097 do not, however many UTF-16 units they take', () => {
    const head = text({ statement: '\u{1F642}'.repeat(1000) })
    const fill = (n: number) => `${head}\nResources:\n- https://example.com/${'r'.repeat(n)}`
    const points = (s: string) => [...s].length
    const room = 4096 - points(fill(0))
    expect(parseLoginMessage(fill(room)).resources).toHaveLength(1)
    expect(fill(room).length).toBeGreaterThan(4096) // more UTF-16 units than code points: the limit is code points
    expect(() => parseLoginMessage(fill(room + 1))).toThrow(HasInvalidArgumentError)
  })
})

describe('RFC 3339 dates that name a real instant', () => {
  it.each([
    ['2024-02-29T00:00:00Z', true],
    ['2000-02-29T00:00:00Z', true],
    ['2025-02-29T00:00:00Z', false],
    ['2100-02-29T00:00:00Z', false],
    ['2026-00-10T00:00:00Z', false],
    ['2026-13-10T00:00:00Z', false],
    ['2026-04-00T00:00:00Z', false],
    ['2026-04-31T00:00:00Z', false],
    ['2026-04-30T23:59:59Z', true],
    ['2026-04-30T23:60:00Z', false],
    ['2026-04-30T12:00:00+23:59', true],
    ['2026-04-30T12:00:00+24:00', false],
    ['2026-04-30T12:00:00-12:60', false],
  ])('%s: %s', (value, real) => {
    expect(isDateTime(value)).toBe(real)
  })
})

describe('a verifier’s settings and its answers', () => {
  const message = text()
  const settings = (extra: Record<string, number>) =>
    verifyLoginMessage({
      message,
      signature: '00',
      domain: 'example.com',
      time: new Date('2026-12-01T10:05:00Z'),
      nodes: ['memory://none'],
      ...extra,
    })

  it.each([
    ['maxAgeMs', 0],
    ['maxAgeMs', 3_600_001],
    ['maxAgeMs', Number.NaN],
    ['clockSkewMs', -1],
    ['clockSkewMs', 300_001],
  ])('refuses %s = %d', async (name, value) => {
    await expect(settings({ [name]: value })).rejects.toBeInstanceOf(HasInvalidArgumentError)
  })

  it.each([
    ['maxAgeMs', 3_600_000],
    ['clockSkewMs', 0],
    ['clockSkewMs', 300_000],
  ])('takes %s = %d (the check then goes on to the signature)', async (name, value) => {
    await expect(settings({ [name]: value })).resolves.toMatchObject({ valid: false, code: 'malformed_signature' })
  })

  it('says why a text is not a message', async () => {
    const result = await verifyLoginMessage({ message: 'not a message', signature: '00', domain: 'example.com' })
    expect(result).toEqual({ valid: false, code: 'malformed_message', reason: expect.stringMatching(/^Not a Sign in with Hive message\. header$/) })
  })

  it('tells an expired message from one past the maximum age', async () => {
    const at = (time: string, fields: Partial<LoginMessage> = {}) =>
      verifyLoginMessage({ message: text(fields), signature: '00', domain: 'example.com', time: new Date(time) })
    await expect(at('2026-12-01T10:11:00Z')).resolves.toMatchObject({ code: 'expired', reason: 'the message has expired' })
    await expect(at('2026-12-01T10:11:00Z', { expirationTime: '2027-01-01T00:00:00Z' })).resolves.toMatchObject({
      code: 'expired',
      reason: 'the message is older than the maximum age',
    })
  })
})
