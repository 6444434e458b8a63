import { describe, expect, it } from 'vitest'
import { createLoginMessage, parseLoginMessage } from '../../../src/core/chain/loginMessage'
import { isDateTime } from '../../../src/core/chain/loginMessageRules'
import type { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'

// The message format's rules and what each refusal says, pinned where `npm run mutation` found them loose.

const fields = { domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce: 'n0nceN0nce', issuedAt: '2026-12-01T10:00:00Z' }
const valid = createLoginMessage(fields)
const lines = valid.split('\n')
const detailsOf = (text: string) => {
  try {
    parseLoginMessage(text)
  } catch (error) {
    return (error as HasInvalidArgumentError).details
  }
  return 'parsed'
}
const createError = (extra: Record<string, unknown>) => {
  try {
    createLoginMessage({ ...fields, ...extra } as Parameters<typeof createLoginMessage>[0])
  } catch (error) {
    return (error as HasInvalidArgumentError).shortMessage
  }
  return 'created'
}

describe('where a message breaks the format', () => {
  it.each([
    ['text after the header’s colon', [`${lines[0]}x`, ...lines.slice(1)].join('\n'), 'header'],
    ['a statement without the blank line before it', [...lines.slice(0, 2), 'Log in.', ...lines.slice(2)].join('\n'), 'header'],
    ['no blank line before the fields', [...lines.slice(0, 3), ...lines.slice(4)].join('\n'), 'the blank line before the fields'],
    ['no Nonce line', lines.filter((l) => !l.startsWith('Nonce: ')).join('\n'), 'no Nonce line'],
    ['a resource line without its dash', [...lines, 'Resources:', 'https://example.com/tos'].join('\n'), 'resources'],
    ['a line after the last field', [...lines, 'Extra: 1'].join('\n'), `unexpected line ${lines.length + 1}`],
    ['more than 4096 code points', 'x'.repeat(4097), 'not a string of at most 4096 characters'],
    ['4096 code points of two UTF-16 units each: counted as 4096', '😀'.repeat(4096), 'header'],
  ])('%s', (_, text, details) => {
    expect(detailsOf(text)).toBe(details)
  })

  it('an empty scheme before the domain is refused as a scheme', () => {
    expect(detailsOf(`://${valid}`)).toMatch(/^Invalid login message: scheme/)
  })
})

describe('writing a message', () => {
  it('refuses an invalid Date in words', () => {
    expect(createError({ issuedAt: new Date(Number.NaN) })).toBe('Invalid login message: an invalid Date.')
  })

  it('refuses more than 4096 code points in words, and takes exactly 4096', () => {
    const base = createLoginMessage({ ...fields, resources: ['https://example.com/'] })
    const room = 4096 - [...base].length
    const exactly = createLoginMessage({ ...fields, resources: [`https://example.com/${'a'.repeat(room)}`] })
    expect([...exactly]).toHaveLength(4096)
    expect(createError({ resources: [`https://example.com/${'a'.repeat(room + 1)}`] })).toBe('Invalid login message: longer than 4096 characters.')
  })

  it('takes a value only as the type its field has, never as what it turns into as text', () => {
    const uri = { toString: () => 'https://example.com/tos' }
    expect(createError({ resources: [uri] })).toMatch(/resources must be URIs/)
    expect(createError({ issuedAt: { toString: () => '2026-12-01T10:00:00Z' } })).toMatch(/issued at must be an RFC 3339 date-time/)
    expect(createError({ account: 42 })).toMatch(/account must be a Hive account name/)
  })

  it('refuses a port past 65535 after an IP literal', () => {
    expect(createError({ domain: '[::1]:99999' })).toMatch(/domain must be a host and optional port/)
    expect(createError({ domain: '[::1]:8080' })).toBe('created')
  })
})

describe('date-times', () => {
  it.each([
    'x2026-12-01T10:00:00Z',
    '2026-12-01T10:00:00Zx',
    '2026-02-30T10:00:00Z',
    '2026-12-00T10:00:00Z',
    '2026-12-01T10:60:00Z',
    '2026-12-01T10:00:60Z',
    '2026-12-01T10:00:00+24:00',
    '2026-12-01T10:00:00+00:60',
    '2026-13-01T10:00:00Z',
  ])('%s is not one', (text) => {
    expect(isDateTime(text)).toBe(false)
  })

  it.each(['2024-02-29T23:59:59Z', '2026-12-31T00:00:00.123456789+23:59', '2026-12-01T10:00:00-00:00'])('%s is one', (text) => {
    expect(isDateTime(text)).toBe(true)
  })
})
