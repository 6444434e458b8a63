// `npm run bench`: size of hive-auth-react/core for a browser, with crypto-js and isomorphic-ws bundled in.
import { kb, measureBundle } from './bundleSize.mjs'

const TARGET_GZ = 12 * 1024
const line = (label, m) =>
  `${label}: ${kb(m.initial.gz)} min+gz loaded first${m.lazy.gz ? `, + ${kb(m.lazy.gz)} on first use (signature checks)` : ''} (${kb(m.min)} min in all)`

const core = await measureBundle('src/exports/core.ts')
console.log(`${line('hive-auth-react/core, all exports (crypto-js + isomorphic-ws included)', core)} (target ≤ ${kb(TARGET_GZ)})`)
const loginOnly = await measureBundle('bench/entries/coreLoginOnly.ts')
console.log(line('a dApp importing only createHasClient + buildAuthLink', loginOnly))
const verifier = await measureBundle('bench/entries/coreVerifyServer.ts')
console.log(line('a server importing only verifyLoginMessage', verifier))
const both = await measureBundle('bench/entries/coreLoginAndVerify.ts')
console.log(line('createHasClient + verifyLoginMessage imported in the page', both))
console.log(
  `the verify path: a dApp that never checks a signature loads none of its curve code; login({ verify: true }) and challenge answers load it (${kb(loginOnly.lazy.gz)}) on first use; importing verifyLoginMessage in a page adds ${kb(both.initial.gz - loginOnly.initial.gz)} up front`,
)
console.log('for scale: hive-auth-wrapper (the official wrapper) bundles to about 51 kB min+gz')
