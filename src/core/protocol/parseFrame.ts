import { MAX_FRAME_CHARS } from './constants.js'

/**
 * Turns a raw socket payload into a plain JSON object with a string `cmd`, or undefined for anything else
 * (binary data, oversized frames, invalid JSON, arrays, missing `cmd`). Never throws.
 */
export function parseFrame(raw: unknown, maxChars = MAX_FRAME_CHARS): (Record<string, unknown> & { cmd: string }) | undefined {
  if (typeof raw !== 'string' || raw.length > maxChars) return undefined
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (!isRecord(value) || typeof value.cmd !== 'string') return undefined
  return value as Record<string, unknown> & { cmd: string }
}

/** A non-null, non-array object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** A non-empty string, or undefined. */
export function readString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined
}

/** A finite number (numeric strings such as "0.8" included), or undefined. */
export function readNumber(value: unknown): number | undefined {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined
}
