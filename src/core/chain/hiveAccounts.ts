import { HasConnectionError } from '../errors/HasConnectionError.js'
import { isRecord } from '../protocol/parseFrame.js'
import { type ChainOptions, callHive } from './rpc.js'

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

const CACHE_SIZE = 256
type Cache = Map<string, { at: number; account: HiveAccount | null }>
/** One cache per fetch implementation, so a devkit node and the real network never answer for each other. */
const caches = new WeakMap<typeof fetch, Cache>()

/**
 * Reads an account from the chain, or null when it does not exist. A short cache (`cacheMs`, 30 s by default, per
 * node list) spares the nodes a login storm; a malformed answer is a typed error, never a guess.
 */
export async function getHiveAccount(name: string, options: ChainOptions & { cacheMs?: number } = {}): Promise<HiveAccount | null> {
  const doFetch = options.fetch ?? globalThis.fetch
  const cacheMs = options.cacheMs ?? 30_000
  const cache: Cache = caches.get(doFetch) ?? new Map()
  caches.set(doFetch, cache)
  const cacheKey = `${(options.nodes ?? []).join(',')}|${name}`
  const hit = cache.get(cacheKey)
  if (hit && Date.now() - hit.at < cacheMs) return hit.account
  const wellFormed = (result: unknown) => Array.isArray(result) && result.every((a) => toAccount(a) !== undefined)
  const answer = await callHive('condenser_api.get_accounts', [[name]], options, { result: wellFormed })
  if (!('result' in answer)) throw new HasConnectionError('No Hive API node listed the account.')
  const found = (answer.result as unknown[]).map(toAccount).find((a) => a?.name === name)
  const account = found ?? null
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!)
  if (cacheMs > 0) cache.set(cacheKey, { at: Date.now(), account })
  return account
}

function toAccount(value: unknown): HiveAccount | undefined {
  if (!isRecord(value) || typeof value.name !== 'string' || typeof value.memo_key !== 'string') return undefined
  const owner = toAuthority(value.owner)
  const active = toAuthority(value.active)
  const posting = toAuthority(value.posting)
  return owner && active && posting ? { name: value.name, owner, active, posting, memo_key: value.memo_key } : undefined
}

function toAuthority(value: unknown): HiveAuthority | undefined {
  if (!isRecord(value) || typeof value.weight_threshold !== 'number') return undefined
  const pairs = (list: unknown) =>
    Array.isArray(list) && list.every((p) => Array.isArray(p) && typeof p[0] === 'string' && typeof p[1] === 'number')
      ? (list as [string, number][])
      : undefined
  const key_auths = pairs(value.key_auths)
  const account_auths = pairs(value.account_auths)
  return key_auths && account_auths ? { weight_threshold: value.weight_threshold, key_auths, account_auths } : undefined
}
