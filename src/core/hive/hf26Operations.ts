import { isRecord } from '../protocol/parseFrame.js'
import { NAI_ASSETS, readAsset } from './assets.js'
import { formatAmount } from './formatAmount.js'

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

/** Amounts written as NAI objects become legacy strings ("1.000 HIVE"); anything else is copied as it is. */
function legacyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(legacyValue)
  if (!isRecord(value)) return value
  const isAmount = Object.keys(value).length === 3 && 'amount' in value && 'precision' in value && 'nai' in value
  return (isAmount && formatAmount(value)) || Object.fromEntries(Object.entries(value).map(([key, field]) => [key, legacyValue(field)]))
}

/** HF26's `{ type, value }` extension variants, by the index the legacy form gives them. */
const VARIANTS: Record<string, number> = { comment_payout_beneficiaries: 0, update_proposal_end_date: 1 }

function toLegacyVariant(variant: unknown): unknown {
  if (!isRecord(variant) || typeof variant.type !== 'string') return variant
  const index = VARIANTS[variant.type]
  return index === undefined ? variant : [index, variant.value]
}

const LEGACY_ASSET = /^-?\d+(?:\.\d+)? (HIVE|HBD|VESTS)$/
const VARIANT_NAMES = Object.fromEntries(Object.entries(VARIANTS).map(([name, index]) => [index, name]))

/** An operation in HF26's JSON form (`{ type, value }`, amounts as NAI objects), as database_api-style APIs answer. */
export function toHf26Operation(operation: unknown): unknown {
  if (!Array.isArray(operation) || typeof operation[0] !== 'string' || !isRecord(operation[1])) return operation
  const value = hf26Value(operation[1]) as Record<string, unknown>
  if (Array.isArray(value.extensions)) value.extensions = value.extensions.map(toHf26Variant)
  return { type: `${operation[0]}_operation`, value }
}

function hf26Value(value: unknown): unknown {
  if (typeof value === 'string') return naiAmount(value) ?? value
  if (Array.isArray(value)) return value.map(hf26Value)
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, TEXT.has(key) ? field : hf26Value(field)]))
  return value
}

/** A legacy amount (`"1.000 HIVE"`) as HF26's NAI object; undefined for any other text (or an amount it cannot hold). */
export function naiAmount(text: string): { amount: string; precision: number; nai: string } | undefined {
  const name = LEGACY_ASSET.exec(text)?.[1] as keyof typeof NAI_ASSETS | undefined
  if (!name) return undefined
  try {
    const { amount, precision } = readAsset(text)
    return { amount: amount.toString(), precision, nai: NAI_ASSETS[name].nai }
  } catch {
    return undefined
  }
}

/** Fields of free text: "1.000 HIVE" written in a memo stays text. */
const TEXT = new Set(['memo', 'json', 'body', 'title', 'json_metadata', 'posting_json_metadata', 'permlink', 'parent_permlink', 'subject', 'url'])

function toHf26Variant(variant: unknown): unknown {
  if (!Array.isArray(variant) || typeof variant[0] !== 'number') return variant
  const type = VARIANT_NAMES[variant[0]]
  return type ? { type, value: variant[1] } : variant
}
