import { describe, expect, it } from 'vitest'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { checkAccountName, cleanAccountName, normalizeAccountName } from '../../../src/core/protocol/accountName'

describe('Hive account names', () => {
  it.each(['alice', 'bob-1', 'hive.blog', 'a1b', 'peak.open-x1', 'ab--c', 'a-------------b'])('accepts %s (as hived does)', (name) => {
    expect(checkAccountName(name)).toBeUndefined()
  })

  it.each([
    ['', 'empty'],
    ['ab', 'too_short'],
    ['a-very-long-name-x', 'too_long'],
    ['1abc', 'invalid_segment'],
    ['abc-', 'invalid_segment'],
    ['ab.cde', 'invalid_segment'],
    ['al ice', 'invalid_segment'],
  ])('rejects %j as %s', (name, problem) => {
    expect(checkAccountName(name)).toBe(problem)
  })

  it('one rule everywhere: trims, drops a leading @, lower-cases; or throws a typed error', () => {
    expect(normalizeAccountName('  Alice ')).toBe('alice')
    expect(normalizeAccountName(' @Alice')).toBe('alice')
    expect(cleanAccountName(' @Bob ')).toBe('bob')
    expect(() => normalizeAccountName('@@alice')).toThrow(HasInvalidArgumentError)
    expect(() => normalizeAccountName(undefined as unknown as string)).toThrow(HasInvalidArgumentError)
  })

  it('non-string input is a typed error, never a TypeError', () => {
    for (const input of [undefined, null, 42, {}, ['alice']]) {
      expect(() => checkAccountName(input as unknown as string)).toThrow(HasInvalidArgumentError)
      expect(cleanAccountName(input as unknown as string)).toBe('')
    }
  })
})

describe('what a bad account name says', () => {
  it('a name that is not a string: the type in details', () => {
    const error = (() => {
      try {
        checkAccountName(42 as unknown as string)
      } catch (e) {
        return e as HasInvalidArgumentError
      }
    })()
    expect(error).toMatchObject({ shortMessage: 'An account name must be a string.', details: 'number' })
  })

  it('a name that breaks the rules: at most 32 of its characters quoted, the rule in details', () => {
    expect(() => normalizeAccountName(`${'x'.repeat(40)}!`)).toThrow(
      expect.objectContaining({ shortMessage: `"${'x'.repeat(32)}" is not a valid Hive account name.`, details: 'too_long' }),
    )
  })
})
