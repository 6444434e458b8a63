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
 * Undefined for what is not a Hive amount, so the caller never shows `[object Object]`.
 */
export function formatAmount(value: unknown, hivePerVests?: number): string | undefined {
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
    return `${(Number(number) * hivePerVests).toFixed(3)} HP`
  }
  return `${number} ${DISPLAY[asset.symbol] ?? asset.symbol}`
}

/** HIVE per VEST from `get_dynamic_global_properties` (either form), for formatAmount; undefined when it cannot tell. */
export function hivePerVestsOf(props: { total_vesting_fund_hive?: unknown; total_vesting_shares?: unknown }): number | undefined {
  const hive = Number.parseFloat(formatAmount(props.total_vesting_fund_hive) ?? '')
  const vests = Number.parseFloat(formatAmount(props.total_vesting_shares) ?? '')
  return hive > 0 && vests > 0 ? hive / vests : undefined
}
