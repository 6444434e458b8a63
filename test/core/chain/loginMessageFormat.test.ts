import { describe, expect, it } from 'vitest'
import { createLoginMessage, HIVE_MAINNET, HIVE_MIRRORNET, type LoginMessage, parseLoginMessage } from '../../../src/core/chain/loginMessage'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { createRandom } from '../../support/garbage'

// The Sign in with Hive format exactly as EIP-4361 lays it out (with Hive account names and CAIP-2 chain ids).

const base = { domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce: 'Abcdef1234', issuedAt: '2026-12-01T10:00:00Z' }

describe('the layout', () => {
  it('without a statement there are two empty lines between the account and the URI, as in EIP-4361', () => {
    const text = createLoginMessage(base)
    expect(text.split('\n').slice(0, 5)).toEqual([
      'example.com wants you to sign in with your Hive account:',
      'alice',
      '',
      '',
      'URI: https://example.com/',
    ])
    expect(parseLoginMessage(text)).not.toHaveProperty('statement')
    // The one-blank-line form the kit wrote before is not a Sign in with Hive message.
    expect(() => parseLoginMessage(text.replace('alice\n\n\n', 'alice\n\n'))).toThrow(HasInvalidArgumentError)
  })

  it('an explicit scheme is written before the domain and read back', () => {
    const text = createLoginMessage({ ...base, scheme: 'https' })
    expect(text.startsWith('https://example.com wants you to sign in with your Hive account:\n')).toBe(true)
    expect(parseLoginMessage(text)).toMatchObject({ scheme: 'https', domain: 'example.com' })
  })

  it('a statement starting with "URI: " reads back as the statement', () => {
    const text = createLoginMessage({ ...base, statement: 'URI: https://evil.example/' })
    expect(parseLoginMessage(text)).toMatchObject({ statement: 'URI: https://evil.example/', uri: 'https://example.com/' })
  })

  it('Dates are accepted for the time fields and written in RFC 3339', () => {
    const text = createLoginMessage({
      ...base,
      issuedAt: new Date(Date.UTC(2026, 11, 1, 10)),
      expirationTime: new Date(Date.UTC(2026, 11, 1, 10, 10)),
    })
    expect(parseLoginMessage(text)).toMatchObject({ issuedAt: '2026-12-01T10:00:00.000Z', expirationTime: '2026-12-01T10:10:00.000Z' })
    expect(() => createLoginMessage({ ...base, issuedAt: new Date(Number.NaN) })).toThrow(HasInvalidArgumentError)
  })
})

describe('one-line fields, chain ids and dates', () => {
  const forged = ['\r', '\n', '\u2028', '\u2029', '\u202e', '\u2066', '\u200f', '\u0000', '\u0085', '\ufeff']
  it.each(forged.map((c) => [JSON.stringify(c), c]))('a statement or request id holding %s is refused', (_, char) => {
    expect(() => createLoginMessage({ ...base, statement: `Log in${char}URI: https://evil.example/` })).toThrow(HasInvalidArgumentError)
    expect(() => createLoginMessage({ ...base, requestId: `r${char}1` })).toThrow(HasInvalidArgumentError)
    const text = createLoginMessage({ ...base, statement: 'Log in X' }).replace('Log in X', `Log in${char}X`)
    expect(() => parseLoginMessage(text)).toThrow(HasInvalidArgumentError)
  })

  it.each([
    '42',
    'BEEAB0DE000000000000000000000000',
    'beeab0de',
    'beeab0de00000000000000000000000000000000000000000000000000000000',
    'hive:beeab0de000000000000000000000000',
  ])('chain id %s is refused: exactly 32 lower-case hex', (chainId) => {
    expect(() => createLoginMessage({ ...base, chainId })).toThrow(HasInvalidArgumentError)
  })

  it('mainnet and mirrornet chain ids are accepted', () => {
    expect(parseLoginMessage(createLoginMessage({ ...base, chainId: HIVE_MIRRORNET })).chainId).toBe(HIVE_MIRRORNET)
    expect(parseLoginMessage(createLoginMessage(base)).chainId).toBe(HIVE_MAINNET)
  })

  it.each([
    '2026-02-30T10:00:00Z',
    '2025-02-29T10:00:00Z',
    '2026-12-01T24:00:00Z',
    '2026-12-01T10:60:00Z',
    '2026-13-01T10:00:00Z',
    '2026-12-01T10:00:00+25:00',
    '2026-12-01 10:00:00Z',
  ])('%s is not a real RFC 3339 time', (time) => {
    expect(() => createLoginMessage({ ...base, issuedAt: time })).toThrow(HasInvalidArgumentError)
  })

  it('29 February of a leap year and offsets are real times', () => {
    expect(parseLoginMessage(createLoginMessage({ ...base, issuedAt: '2028-02-29T23:59:59.123+02:00' })).issuedAt).toBe(
      '2028-02-29T23:59:59.123+02:00',
    )
  })
})

describe('parse(create(x)) is x, for everything create accepts', () => {
  const r = createRandom(4361)
  const letters = 'abcdefghijklmnopqrstuvwxyz'
  const word = (alphabet: string, min: number, max: number) =>
    Array.from({ length: min + r.int(max - min + 1) }, () => alphabet[r.int(alphabet.length)]).join('')
  const statementChars = ['a', 'Z', '7', ' ', ':', '-', 'é', 'ß', '漢', '字', '🙂', '\u200d', 'URI: ', 'Nonce: ', '#', '"', "'", '…', 'ä']
  const uriChars = `${letters}0123456789-._~:/?#[]@!$&'()*+,;=%`

  function randomMessage(): LoginMessage {
    const message: LoginMessage = {
      domain: r.int(4) === 0 ? `localhost:${1 + r.int(65535)}` : `${word(letters, 1, 10)}.${word(letters, 2, 5)}`,
      account: `${word(letters, 1, 1)}${word(`${letters}0123456789`, 2, 12)}`,
      uri: `${r.pick(['https', 'http', 'ipfs', 'did'])}:${word(uriChars, 1, 40)}`,
      nonce: word(`${letters}0123456789ABC`, 8, 30),
      issuedAt: new Date(r.int(4_000_000_000_000)).toISOString(),
    }
    if (r.int(2)) message.statement = `S${Array.from({ length: r.int(12) }, () => r.pick(statementChars)).join('')}.`
    if (r.int(3) === 0) message.scheme = r.pick(['https', 'http'])
    if (r.int(3) === 0) message.expirationTime = new Date(r.int(4_000_000_000_000)).toISOString()
    if (r.int(3) === 0) message.notBefore = new Date(r.int(4_000_000_000_000)).toISOString()
    if (r.int(3) === 0) message.requestId = word(`${letters}0123456789-._~%!$&'()*+,;=:@`, 0, 20)
    if (r.int(3) === 0) message.resources = Array.from({ length: r.int(4) }, () => `https://${word(letters, 1, 8)}.example/${word(uriChars, 0, 20)}`)
    if (r.int(4) === 0) message.chainId = r.pick([HIVE_MAINNET, HIVE_MIRRORNET])
    return message
  }

  it('3000 random messages round-trip', () => {
    let accepted = 0
    for (let i = 0; i < 3000; i++) {
      const message = randomMessage()
      let text: string
      try {
        text = createLoginMessage(message)
      } catch (error) {
        expect(error).toBeInstanceOf(HasInvalidArgumentError) // only an account name the generator got wrong
        expect((error as HasInvalidArgumentError).shortMessage).toMatch(/account|statement/)
        continue
      }
      accepted++
      expect(parseLoginMessage(text)).toEqual({ version: '1', chainId: HIVE_MAINNET, ...message })
    }
    expect(accepted).toBeGreaterThan(2500)
  })
})
