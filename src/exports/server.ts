// For a dApp's server: `hive-auth-react/server`. Nonces, login verification, stores (memory, Redis), cookie helpers,
// and everything of `hive-auth-react/verify`. Nothing of React or the browser.
export * from './verify.js'
export type { HasServerStore } from '../server/HasServerStore.js'
export { createMemoryStore, type MemoryStoreOptions } from '../server/createMemoryStore.js'
export { createRedisStore, type IoRedisClient, type NodeRedisClient, type RedisStoreOptions } from '../server/createRedisStore.js'
export { consumeNonce, DEFAULT_NONCE_TTL_MS, issueNonce } from '../server/nonces.js'
export { verifyLogin, type VerifyLoginParameters } from '../server/verifyLogin.js'
export {
  verifyHiveSignerToken,
  type HiveSignerTokenVerification,
  type VerifyHiveSignerTokenParameters,
} from '../server/verifyHiveSignerToken.js'
export { createInFlightLimit, DEFAULT_MAX_IN_FLIGHT, type InFlightLimit } from '../server/inFlightLimit.js'
export { formatSessionCookie, readSessionCookie, SESSION_COOKIE, type SessionCookie } from '../core/session/sessionCookie.js'
export { HasConnectionError } from '../core/errors/HasConnectionError.js'
export { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError.js'
export { HasStorageError } from '../core/errors/HasStorageError.js'
