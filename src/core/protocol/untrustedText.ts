import type { HasTextSource } from '../errors/HasError.js'

/** Longest text a relay or wallet may put in front of a user (longer texts are cut with an ellipsis). */
export const MAX_UNTRUSTED_TEXT = 300

// Control characters, zero-width characters and bidirectional overrides: the tools of a spoofed message.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu

/**
 * Text written by someone else (a wallet's error, a relay's `error`), made safe to show as a quote: invisible and
 * direction-changing characters removed, whitespace collapsed, at most 300 characters. Undefined when nothing is left.
 */
export function untrustedText(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  const clean = value
    .slice(0, 4 * MAX_UNTRUSTED_TEXT)
    .replace(INVISIBLE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  if (!clean) return undefined
  const chars = Array.from(clean)
  return chars.length > MAX_UNTRUSTED_TEXT ? `${chars.slice(0, MAX_UNTRUSTED_TEXT - 1).join('')}…` : clean
}

/** Error options for text a wallet or relay wrote: cleaned as above, and marked as theirs so the UI quotes it apart. */
export function quoted(source: HasTextSource, text: unknown): { details?: string; detailsSource?: HasTextSource } {
  const details = untrustedText(text)
  return details ? { details, detailsSource: source } : {}
}
