// A server (or page) that verifies Sign in with Hive messages and nothing else.
export { verifyLoginMessage } from '../../src/exports/core'
