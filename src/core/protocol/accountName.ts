import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'

/** Why a Hive account name is invalid. */
export type AccountNameProblem = 'empty' | 'too_short' | 'too_long' | 'invalid_segment'

/**
 * Checks a (trimmed, lower-cased) name against Hive's rules: 3–16 characters, dot-separated segments of at least
 * three characters that start with a letter, end with a letter or digit, and contain only a–z, 0–9 and hyphens.
 * HasInvalidArgumentError when `name` is not a string.
 */
export function checkAccountName(name: string): AccountNameProblem | undefined {
  if (typeof name !== 'string') throw new HasInvalidArgumentError('An account name must be a string.', { details: typeof name })
  if (name.length === 0) return 'empty'
  if (name.length < 3) return 'too_short'
  if (name.length > 16) return 'too_long'
  // hived's is_valid_account_name: nothing more (a double hyphen is a valid name there, so it is here).
  const segmentOk = (s: string) => s.length >= 3 && /^[a-z][a-z0-9-]*[a-z0-9]$/.test(s)
  return name.split('.').every(segmentOk) ? undefined : 'invalid_segment'
}

/** How the kit reads an account name anywhere it is typed or passed: trimmed, without a leading `@`, lower-cased. */
export function cleanAccountName(input: string): string {
  return typeof input === 'string' ? input.trim().replace(/^@/, '').trim().toLowerCase() : ''
}

/** Cleans an account name (see cleanAccountName), throwing HasInvalidArgumentError when it breaks Hive's rules. */
export function normalizeAccountName(input: string): string {
  const name = cleanAccountName(input)
  const problem = checkAccountName(name)
  if (problem) throw new HasInvalidArgumentError(`"${String(input).slice(0, 32)}" is not a valid Hive account name.`, { details: problem })
  return name
}
