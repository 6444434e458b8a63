import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'

/** An amount as Hive serializes it: an integer of the smallest unit, its precision, and the binary symbol. */
export interface SerializedAsset {
  amount: bigint
  precision: number
  /** The symbol the binary form carries (HIVE and HBD keep their pre-Hive names STEEM and SBD there). */
  symbol: string
}

/** Each symbol's precision and binary name; NAIs are HF26's JSON form of the same assets. */
const SYMBOLS: Record<string, { precision: number; binary: string }> = {
  HIVE: { precision: 3, binary: 'STEEM' },
  STEEM: { precision: 3, binary: 'STEEM' },
  HBD: { precision: 3, binary: 'SBD' },
  SBD: { precision: 3, binary: 'SBD' },
  TESTS: { precision: 3, binary: 'TESTS' },
  TBD: { precision: 3, binary: 'TBD' },
  VESTS: { precision: 6, binary: 'VESTS' },
}
/** HF26's JSON symbol (NAI) and the precision of each asset, by the name wallets show. */
export const NAI_ASSETS = {
  HIVE: { nai: '@@000000021', precision: 3 },
  HBD: { nai: '@@000000013', precision: 3 },
  VESTS: { nai: '@@000000037', precision: 6 },
} as const
const NAIS: Record<string, string> = Object.fromEntries(Object.entries(NAI_ASSETS).map(([name, { nai }]) => [nai, name]))
/** HF26's binary symbol of each asset: its NAI's number and its precision in 32 bits (testnet symbols as mainnet's). */
export const ASSET_NUMBERS: Record<string, number> = {
  STEEM: 0xbebc2023,
  TESTS: 0xbebc2023,
  SBD: 0xbebc2003,
  TBD: 0xbebc2003,
  VESTS: 0xbebc2046,
}

const bad = (value: unknown) => new HasInvalidArgumentError('Not a Hive amount.', { details: JSON.stringify(value)?.slice(0, 80) })

/**
 * Reads an amount in either JSON form Hive accepts: legacy `"1.000 HIVE"`, or HF26 `{ amount: "1000", precision: 3,
 * nai: "@@000000021" }`. Exact (no floating point); more decimals than the symbol has are refused.
 */
export function readAsset(value: unknown): SerializedAsset {
  if (typeof value === 'string') {
    const m = /^(-?)(\d+)(?:\.(\d+))? ([A-Z]+)$/.exec(value)
    const symbol = m ? SYMBOLS[m[4]!] : undefined
    if (!m || !symbol || (m[3] ?? '').length > symbol.precision) throw bad(value)
    const digits = `${m[2]}${(m[3] ?? '').padEnd(symbol.precision, '0')}`
    return { amount: BigInt(m[1] + digits), precision: symbol.precision, symbol: symbol.binary }
  }
  if (typeof value === 'object' && value !== null) {
    const { amount, precision, nai } = value as Record<string, unknown>
    const name = typeof nai === 'string' ? NAIS[nai] : undefined
    const symbol = name ? SYMBOLS[name] : undefined
    if (!symbol || precision !== symbol.precision || typeof amount !== 'string' || !/^-?\d+$/.test(amount)) throw bad(value)
    return { amount: BigInt(amount), precision: symbol.precision, symbol: symbol.binary }
  }
  throw bad(value)
}
