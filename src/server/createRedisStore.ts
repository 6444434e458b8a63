import { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError.js'
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
}

/**
 * A store on Redis (6.2 or later), shared by every instance of a dApp's server: add is `SET NX PX`, take is `GETDEL`,
 * both atomic on the server. Pass a connected node-redis or ioredis client; the store never connects or quits it.
 */
export function createRedisStore(client: NodeRedisClient | IoRedisClient, options: RedisStoreOptions = {}): HasServerStore {
  const prefix = options.prefix ?? 'hive-auth-react:'
  const key = (k: string) => prefix + k
  const orNone = (value: string | null) => value ?? undefined
  if ('getDel' in client && typeof client.getDel === 'function') {
    const redis = client as NodeRedisClient
    return {
      add: async (k, value, ttlMs) => (await redis.set(key(k), value, { NX: true, PX: Math.max(1, Math.ceil(ttlMs)) })) === 'OK',
      take: async (k) => orNone(await redis.getDel(key(k))),
      get: async (k) => orNone(await redis.get(key(k))),
      delete: async (k) => void (await redis.del(key(k))),
    }
  }
  if ('getdel' in client && typeof client.getdel === 'function') {
    const redis = client as IoRedisClient
    return {
      add: async (k, value, ttlMs) => (await redis.set(key(k), value, 'PX', Math.max(1, Math.ceil(ttlMs)), 'NX')) === 'OK',
      take: async (k) => orNone(await redis.getdel(key(k))),
      get: async (k) => orNone(await redis.get(key(k))),
      delete: async (k) => void (await redis.del(key(k))),
    }
  }
  throw new HasInvalidArgumentError('createRedisStore needs a node-redis or ioredis client (with getDel or getdel).')
}
