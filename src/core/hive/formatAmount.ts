import { readAsset } from './assets.js'

const DISPLAY: Record<string, string> = { STEEM: 'HIVE', SBD: 'HBD' }

/** Whether an amount (legacy or HF26 form) is zero; false for what is not an amount. */
export function isZeroAmount(value: unknown): boolean {
  try {
    return readAsset(value).amount === 0n
  } catch {
    return false
  }
}

/**
 * An amount as wallets show it, from either JSON form (`"1.000 HIVE"`, or HF26's `{ amount, precision, nai }`): exact,
 * `HIVE`/`HBD`/`VESTS`. VESTS read as Hive Power when `hivePerVests` is known (from the chain's global properties).
 * With a `locale` (`de`, `hi`…), digits are grouped and the decimal mark written as its readers expect ("250.000,000
 * HIVE" in German, never "1.000 HIVE" for one), in Latin digits as wallets show them. Undefined for what is not a Hive
 * amount, so the caller never shows `[object Object]`.
 */
export function formatAmount(value: unknown, hivePerVests?: number, locale?: string): string | undefined {
  let asset: ReturnType<typeof readAsset>
  try {
    asset = readAsset(value)
  } catch {
    return undefined
  }
  const negative = asset.amount < 0n
  const digits = (negative ? -asset.amount : asset.amount).toString().padStart(asset.precision + 1, '0')
  const number = `${negative ? '-' : ''}${digits.slice(0, -asset.precision)}.${digits.slice(-asset.precision)}`
  if (asset.symbol === 'VESTS' && hivePerVests !== undefined && Number.isFinite(hivePerVests) && hivePerVests > 0) {
    return `${localized((Number(number) * hivePerVests).toFixed(3), locale)} HP`
  }
  return `${localized(number, locale)} ${DISPLAY[asset.symbol] ?? asset.symbol}`
}

/** A decimal string (`-1234.500`) with the locale's grouping and decimal mark, exact (the integer part as a BigInt). */
function localized(decimal: string, locale: string | undefined): string {
  if (!locale) return decimal
  try {
    const numbers = new Intl.NumberFormat(`${locale}-u-nu-latn`)
    const mark = numbers.formatToParts(1.5).find((part) => part.type === 'decimal')?.value ?? '.'
    const [whole = '0', fraction] = decimal.replace('-', '').split('.')
    return `${decimal.startsWith('-') ? '-' : ''}${numbers.format(BigInt(whole))}${fraction ? mark + fraction : ''}`
  } catch {
    return decimal // a locale this runtime does not know: Hive's own form
  }
}

/** HIVE per VEST from `get_dynamic_global_properties` (either form), for formatAmount; undefined when it cannot tell. */
export function hivePerVestsOf(props: { total_vesting_fund_hive?: unknown; total_vesting_shares?: unknown }): number | undefined {
  const hive = Number.parseFloat(formatAmount(props.total_vesting_fund_hive) ?? '')
  const vests = Number.parseFloat(formatAmount(props.total_vesting_shares) ?? '')
  return hive > 0 && vests > 0 ? hive / vests : undefined
}
