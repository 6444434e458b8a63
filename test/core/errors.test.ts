import { readFileSync } from 'node:fs'
import { quoted } from '../../src/core/protocol/untrustedText'
import { describe, expect, it } from 'vitest'
import { HasConnectionError } from '../../src/core/errors/HasConnectionError'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import { VERSION } from '../../src/core/version'

describe('HasError', () => {
  it('carries a literal code and name, the kit version and where it is documented', () => {
    const error = new HasRejectedError(true)
    expect(error).toMatchObject({
      code: 'rejected',
      name: 'HasRejectedError',
      version: VERSION,
      docsPath: 'docs/errors.md#error-rejected',
      verified: true,
    })
    expect(error.message).toContain(`hive-auth-react@${VERSION}`)
    expect(VERSION).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
    const readme = readFileSync('docs/errors.md', 'utf8')
    for (const code of ['rejected', 'failed', 'expired', 'cancelled', 'connection', 'protocol', 'protocol-version', 'storage', 'verification']) {
      expect(readme, `docs/errors.md anchor error-${code}`).toContain(`id="error-${code}"`)
    }
  })

  it('walk() follows causes: to the deepest, or to the first one a predicate accepts', () => {
    const root = new TypeError('socket hung up')
    const middle = new HasConnectionError(undefined, { cause: root })
    const top = new HasFailedError('relay', 'outer', { cause: middle })
    expect(top.walk()).toBe(root)
    expect(top.walk((e) => e instanceof HasConnectionError)).toBe(middle)
    expect(top.walk((e) => e instanceof RangeError)).toBeNull()
  })

  it('text from a wallet or relay is kept as their words, cleaned and capped; the kit’s own details are kept as they are', () => {
    const quote = new HasFailedError('wallet', undefined, quoted('wallet', `  two\nlines\u202e ${'z'.repeat(400)}`))
    expect(quote.detailsSource).toBe('wallet')
    expect(quote.details!.startsWith('two lines z')).toBe(true)
    expect(Array.from(quote.details!)).toHaveLength(300)
    expect(quote.message).toContain('The wallet said: "two lines')
    expect(quoted('relay', '\u200b \n ')).toEqual({}) // nothing left to quote: no details at all
    const own = new HasConnectionError(undefined, { details: 'ws://a; ws://b' })
    expect(own.detailsSource).toBeUndefined()
    expect(own.details).toBe('ws://a; ws://b')
  })
})
