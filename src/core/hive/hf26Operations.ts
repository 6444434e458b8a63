import { isRecord } from '../protocol/parseFrame.js'

/**
 * An operation in the legacy array form `[name, payload]`, from either JSON form Hive accepts: legacy, or HF26's
 * `{ type: "transfer_operation", value }` (the form of the Hive developer portal, wax and the database_api), whose
 * static variants (comment_options' beneficiaries, update_proposal's end date) are objects too. Anything else is
 * returned as it is, for the serializer to refuse.
 */
export function toLegacyOperation(operation: unknown): unknown {
  if (!isRecord(operation) || typeof operation.type !== 'string' || !operation.type.endsWith('_operation') || !isRecord(operation.value)) {
    return operation
  }
  const name = operation.type.slice(0, -'_operation'.length)
  const value = legacyValue(operation.value) as Record<string, unknown>
  if (Array.isArray(value.extensions)) value.extensions = value.extensions.map(toLegacyVariant)
  return [name, value]
}

const SYMBOL_OF: Record<string, string> = { '@@000000021': 'HIVE', '@@000000013': 'HBD', '@@000000037': 'VESTS' }

/** Amounts written as NAI objects become legacy strings ("1.000 HIVE"); anything else is copied as it is. */
function legacyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(legacyValue)
  if (!isRecord(value)) return value
  const { amount, precision, nai } = value
  const symbol = typeof nai === 'string' ? SYMBOL_OF[nai] : undefined
  if (symbol && typeof amount === 'string' && /^-?\d+$/.test(amount) && typeof precision === 'number' && Object.keys(value).length === 3) {
    const negative = amount.startsWith('-')
    const digits = (negative ? amount.slice(1) : amount).padStart(precision + 1, '0')
    const text = precision ? `${digits.slice(0, -precision)}.${digits.slice(-precision)}` : digits
    return `${negative ? '-' : ''}${text} ${symbol}`
  }
  return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, legacyValue(field)]))
}

/** HF26's `{ type, value }` extension variants, by the index the legacy form gives them. */
const VARIANTS: Record<string, number> = { comment_payout_beneficiaries: 0, update_proposal_end_date: 1 }

function toLegacyVariant(variant: unknown): unknown {
  if (!isRecord(variant) || typeof variant.type !== 'string') return variant
  const index = VARIANTS[variant.type]
  return index === undefined ? variant : [index, variant.value]
}

const NAI_OF: Record<string, [string, number]> = { HIVE: ['@@000000021', 3], HBD: ['@@000000013', 3], VESTS: ['@@000000037', 6] }
const LEGACY_ASSET = /^(-?\d+)(?:\.(\d+))? (HIVE|HBD|VESTS)$/
const VARIANT_NAMES = Object.fromEntries(Object.entries(VARIANTS).map(([name, index]) => [index, name]))

/** An operation in HF26's JSON form (`{ type, value }`, amounts as NAI objects), as database_api-style APIs answer. */
export function toHf26Operation(operation: unknown): unknown {
  if (!Array.isArray(operation) || typeof operation[0] !== 'string' || !isRecord(operation[1])) return operation
  const value = hf26Value(operation[1]) as Record<string, unknown>
  if (Array.isArray(value.extensions)) value.extensions = value.extensions.map(toHf26Variant)
  return { type: `${operation[0]}_operation`, value }
}

function hf26Value(value: unknown): unknown {
  if (typeof value === 'string') {
    const m = LEGACY_ASSET.exec(value)
    const nai = m ? NAI_OF[m[3]!] : undefined
    if (!m || !nai) return value
    return { amount: String(BigInt(`${m[1]}${(m[2] ?? '').padEnd(nai[1], '0')}`)), precision: nai[1], nai: nai[0] }
  }
  if (Array.isArray(value)) return value.map(hf26Value)
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, TEXT.has(key) ? field : hf26Value(field)]))
  return value
}

/** Fields of free text: "1.000 HIVE" written in a memo stays text. */
const TEXT = new Set(['memo', 'json', 'body', 'title', 'json_metadata', 'posting_json_metadata', 'permlink', 'parent_permlink', 'subject', 'url'])

function toHf26Variant(variant: unknown): unknown {
  if (!Array.isArray(variant) || typeof variant[0] !== 'number') return variant
  const type = VARIANT_NAMES[variant[0]]
  return type ? { type, value: variant[1] } : variant
}
