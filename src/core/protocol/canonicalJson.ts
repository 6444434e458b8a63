import { isRecord } from './parseFrame.js'

/** JSON with sorted keys, so two equal values compare equal whatever their key order (operations, transactions). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (isRecord(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`)
      .join(',')}}`
  return JSON.stringify(value) ?? 'null'
}
