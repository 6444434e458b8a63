/** A value as short text for a summary: strings as they are, cut at `max` characters; anything else empty. */
export function clip(value: unknown, max = 60): string {
  const s = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : ''
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/** Whether a value is a plain object (a payload's fields can be read from it). */
export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
