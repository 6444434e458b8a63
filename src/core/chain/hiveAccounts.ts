import { isRecord } from '../protocol/parseFrame.js'
import { askNodes } from './askNodes.js'
import type { ChainOptions, RpcAnswer } from './rpc.js'

/** An authority as the chain returns it: a threshold, and weighted keys and accounts. */
export interface HiveAuthority {
  weight_threshold: number
  key_auths: [string, number][]
  account_auths: [string, number][]
}

/** What the kit reads of an account (`condenser_api.get_accounts`). */
export interface HiveAccount {
  name: string
  owner: HiveAuthority
  active: HiveAuthority
  posting: HiveAuthority
  memo_key: string
}

/** What the nodes agreed on about an account: it (or null, it does not exist), or that they disagree. */
export type AccountLookup = { account: HiveAccount | null } | { disagreed: readonly string[] }

const CACHE_SIZE = 256
/**
 * The largest `get_accounts` answer read (bytes): an account is a few kilobytes, its two JSON metadata fields fit a
 * 64 KiB transaction each; a node streaming more holds no more than this per check.
 */
export const MAX_ACCOUNT_ANSWER_BYTES = 256 * 1024
/** Hive's own limits: weights are 16-bit, thresholds 32-bit, an authority has at most 40 members. */
const MAX_WEIGHT = 0xffff
const MAX_THRESHOLD = 0xffffffff
const MAX_MEMBERS = 40

type Cache = Map<string, { at: number; lookup: Promise<AccountLookup> }>
/** One cache per fetch implementation, so a devkit node and the real network never answer for each other. */
const caches = new WeakMap<typeof fetch, Cache>()

/**
 * Reads an account from the chain, as two nodes agree on it (see askNodes). A short cache (`cacheMs`, 30 s by default,
 * per node list) is shared by concurrent checks, so a login storm asks each node once per account. Answers that are
 * not a sane account (a threshold below 1, negative weights, oversized lists) count as junk, never as the truth.
 */
export function getHiveAccount(name: string, options: ChainOptions & { cacheMs?: number } = {}): Promise<AccountLookup> {
  const doFetch = options.fetch ?? globalThis.fetch
  const cacheMs = options.cacheMs ?? 30_000
  const cache: Cache = caches.get(doFetch) ?? new Map()
  caches.set(doFetch, cache)
  const cacheKey = `${options.nodes?.join(',')}|${name}`
  const hit = cache.get(cacheKey)
  if (hit && Date.now() - hit.at < cacheMs) return hit.lookup
  const readAccount = (answer: RpcAnswer) => {
    const { result } = answer as { result?: unknown } // an error answer has none
    if (!Array.isArray(result) || result.length > 1) return undefined
    return result.length === 0 ? null : toAccount(result[0], name)
  }
  const lookup = askNodes('condenser_api.get_accounts', [[name]], options, readAccount, MAX_ACCOUNT_ANSWER_BYTES).then(
    (quorum): AccountLookup => ('agreed' in quorum ? { account: quorum.agreed } : quorum),
  )
  if (cacheMs > 0) {
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
    cache.set(cacheKey, { at: Date.now(), lookup })
    // Only an agreed answer is worth keeping.
    lookup.then(
      (result) => void ('disagreed' in result && cache.get(cacheKey)?.lookup === lookup && cache.delete(cacheKey)),
      () => void (cache.get(cacheKey)?.lookup === lookup && cache.delete(cacheKey)),
    )
  }
  return lookup
}

/** The fields the kit relies on, checked, of the account asked for; undefined for anything else. */
function toAccount(value: unknown, name: string): HiveAccount | undefined {
  // Stryker disable next-line ConditionalExpression: without it the reads below throw, which askNodes also counts as no answer
  if (!isRecord(value)) return undefined
  if (value.name !== name || typeof value.memo_key !== 'string') return undefined
  const owner = toAuthority(value.owner)
  const active = toAuthority(value.active)
  const posting = toAuthority(value.posting)
  return owner && active && posting ? { name, owner, active, posting, memo_key: value.memo_key } : undefined
}

function toAuthority(value: unknown): HiveAuthority | undefined {
  // Stryker disable next-line ConditionalExpression: without it the read below throws, which askNodes also counts as no answer
  if (!isRecord(value)) return undefined
  const threshold = value.weight_threshold
  if (!Number.isInteger(threshold) || (threshold as number) < 1 || (threshold as number) > MAX_THRESHOLD) return undefined
  const pairs = (list: unknown): [string, number][] | undefined =>
    Array.isArray(list) &&
    list.length <= MAX_MEMBERS &&
    list.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && Number.isInteger(p[1]) && p[1] >= 0 && p[1] <= MAX_WEIGHT)
      ? list.map((p) => [p[0], p[1]] as [string, number])
      : undefined
  const key_auths = pairs(value.key_auths)
  const account_auths = pairs(value.account_auths)
  return key_auths && account_auths ? { weight_threshold: threshold as number, key_auths, account_auths } : undefined
}
