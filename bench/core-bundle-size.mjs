// `npm run bench`: size of hive-auth-react/core for a browser, with crypto-js and isomorphic-ws bundled in.
import { kb, measureBundle } from './bundleSize.mjs'

const TARGET_GZ = 12 * 1024
const core = await measureBundle('src/exports/core.ts')
console.log(
  `hive-auth-react/core (all exports, crypto-js + isomorphic-ws included): ${kb(core.min)} min, ${kb(core.gz)} min+gz (target ≤ ${kb(TARGET_GZ)})`,
)

const loginOnly = await measureBundle('bench/entries/coreLoginOnly.ts')
console.log(`a dApp importing only createHasClient + buildAuthLink: ${kb(loginOnly.min)} min, ${kb(loginOnly.gz)} min+gz`)
console.log('for scale: hive-auth-wrapper (the official wrapper) bundles to about 51 kB min+gz')
