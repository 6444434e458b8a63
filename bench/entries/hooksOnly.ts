// A dApp with its own UI: the provider and the login hook, no components.
export { HasProvider, useHiveAuth } from '../../src/exports/index'
