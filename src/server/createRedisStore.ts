import { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError.js'
import { HasStorageError } from '../core/errors/HasStorageError.js'
import type { HasServerStore } from './HasServerStore.js'

/** A node-redis client (`redis` on npm, v4 and later): the commands the store uses. */
export interface NodeRedisClient {
  set(key: string, value: string, options: { NX: true; PX: number }): Promise<unknown>
  getDel(key: string): Promise<string | null>
  get(key: string): Promise<string | null>
  del(key: string): Promise<unknown>
}

/** An ioredis client: the commands the store uses. */
export interface IoRedisClient {
  set(key: string, value: string, mode: 'PX', ms: number, nx: 'NX'): Promise<unknown>
  getdel(key: string): Promise<string | null>
  get(key: string): Promise<string | null>
  del(key: string): Promise<unknown>
}

/** Options of createRedisStore. */
export interface RedisStoreOptions {
  /** Prepended to every key, so the kit's keys never meet your app's (default `hive-auth-react:`). */
  prefix?: string
  /** How long one command may take before the store gives up with HasStorageError (ms, default 2000). */
  timeoutMs?: number
}

/** The commands, whichever client speaks them. */
interface Commands {
  setNx(key: string, value: string, ttlMs: number): Promise<unknown>
  getDel(key: string): Promise<string | null>
  get(key: string): Promise<string | null>
  del(key: string): Promise<unknown>
}

function commandsOf(client: NodeRedisClient | IoRedisClient): Commands {
  if ('getDel' in client && typeof client.getDel === 'function') {
    const redis = client as NodeRedisClient
    return {
      setNx: (key, value, ttlMs) => redis.set(key, value, { NX: true, PX: ttlMs }),
      getDel: (key) => redis.getDel(key),
      get: (key) => redis.get(key),
      del: (key) => redis.del(key),
    }
  }
  if ('getdel' in client && typeof client.getdel === 'function') {
    const redis = client as IoRedisClient
    return {
      setNx: (key, value, ttlMs) => redis.set(key, value, 'PX', ttlMs, 'NX'),
      getDel: (key) => redis.getdel(key),
      get: (key) => redis.get(key),
      del: (key) => redis.del(key),
    }
  }
  throw new HasInvalidArgumentError('createRedisStore needs a node-redis or ioredis client (with getDel or getdel).')
}

/**
 * A store on Redis (6.2 or later), shared by every instance of a dApp's server: add is `SET NX PX`, take is `GETDEL`,
 * both atomic on the server. Pass a connected node-redis or ioredis client; the store never connects or quits it.
 * A command that fails or takes longer than `timeoutMs` (Redis down, restarting, full under `noeviction`) rejects with
 * HasStorageError: the caller fails closed, and the next command works again once Redis is back.
 */
export function createRedisStore(client: NodeRedisClient | IoRedisClient, options: RedisStoreOptions = {}): HasServerStore {
  const prefix = options.prefix ?? 'hive-auth-react:'
  const timeoutMs = options.timeoutMs ?? 2000
  const redis = commandsOf(client)
  const guarded = async <T>(what: string, command: () => Promise<T>): Promise<T> => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs)
    })
    try {
      return await Promise.race([command(), late])
    } catch (cause) {
      const details = cause instanceof Error ? cause.message.slice(0, 200) : String(cause)
      throw new HasStorageError(`The server's Redis store failed to ${what}.`, { cause, details })
    } finally {
      clearTimeout(timer)
    }
  }
  const key = (k: string) => prefix + k
  return {
    add: async (k, value, ttlMs) => (await guarded('store a value', () => redis.setNx(key(k), value, Math.max(1, Math.ceil(ttlMs))))) === 'OK',
    take: async (k) => (await guarded('take a value', () => redis.getDel(key(k)))) ?? undefined,
    get: async (k) => (await guarded('read a value', () => redis.get(key(k)))) ?? undefined,
    delete: async (k) => void (await guarded('delete a value', () => redis.del(key(k)))),
  }
}
