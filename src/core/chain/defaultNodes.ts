/**
 * Public Hive API nodes, each run by a different operator (api.hive.blog: @blocktrades; api.deathwing.me:
 * @deathwing; hive-api.arcange.eu: @arcange; api.openhive.network: @gtg). A check believes what two of them agree on.
 */
export const DEFAULT_HIVE_NODES: readonly string[] = [
  'https://api.hive.blog',
  'https://api.deathwing.me',
  'https://hive-api.arcange.eu',
  'https://api.openhive.network',
]

/** Hive mainnet's CAIP-2 reference: CAIP-10 accounts are `hive:beeab0de000000000000000000000000:<name>`. */
export const HIVE_MAINNET = 'beeab0de000000000000000000000000'
