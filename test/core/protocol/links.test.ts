import { describe, expect, it } from 'vitest'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { normalizeHost } from '../../../src/core/protocol/hosts'
import { buildAuthLink, buildRequestLink, parseAuthLink } from '../../../src/core/protocol/links'
import { LINK_VECTOR } from '../../fixtures/linkVector'

describe('auth deep links', () => {
  it('reproduces the docs vector byte for byte and reads it back', () => {
    expect(buildAuthLink(LINK_VECTOR.payload)).toBe(LINK_VECTOR.link)
    expect(parseAuthLink(LINK_VECTOR.link)).toEqual(LINK_VECTOR.payload)
    expect(parseAuthLink(LINK_VECTOR.link.slice('has://auth_req/'.length))).toEqual(LINK_VECTOR.payload)
  })

  it('a trailing slash on the host changes the payload (so hosts are normalised first)', () => {
    expect(buildAuthLink({ ...LINK_VECTOR.payload, host: 'wss://has.hiveauth.com/' })).toMatch(/LmNvbS8ifQ==$/)
    expect(normalizeHost(' wss://has.hiveauth.com/ ')).toBe('wss://has.hiveauth.com')
  })

  it.each([
    ['another scheme', 'https://example.com/x'],
    ['not base64', 'has://auth_req/%%%'],
    ['base64 of non-JSON', 'has://auth_req/' + btoa('hello')],
    ['JSON array', 'has://auth_req/' + btoa('[1,2]')],
    ['missing key', 'has://auth_req/' + btoa(JSON.stringify({ account: 'a', uuid: 'u', host: 'h' }))],
    ['non-string field', 'has://auth_req/' + btoa(JSON.stringify({ account: 'a', uuid: 1, key: 'k', host: 'h' }))],
  ])('rejects %s with HasInvalidArgumentError', (_n, link) => {
    expect(() => parseAuthLink(link)).toThrow(HasInvalidArgumentError)
  })

  it('rejects non-strings and empty fields', () => {
    expect(() => parseAuthLink(42 as unknown as string)).toThrow(HasInvalidArgumentError)
    expect(() => buildAuthLink({ ...LINK_VECTOR.payload, key: '' })).toThrow(HasInvalidArgumentError)
    expect(() => normalizeHost('not a url')).toThrow(HasInvalidArgumentError)
  })

  it('sign and challenge links wake the wallet without carrying the key', () => {
    const link = buildRequestLink('sign', { account: 'alice', uuid: 'u-1', host: 'wss://h' })
    expect(link.startsWith('has://sign_req/')).toBe(true)
    expect(JSON.parse(atob(link.slice('has://sign_req/'.length)))).toEqual({ account: 'alice', uuid: 'u-1', host: 'wss://h' })
    expect(buildRequestLink('challenge', { account: 'a', uuid: 'u', host: 'h' })).toMatch(/^has:\/\/challenge_req\//)
  })
})
