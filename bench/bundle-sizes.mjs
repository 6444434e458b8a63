// `npm run bench`: one table of min+gzip bundle sizes, ours beside the peers, in one run on one machine. Each row is
// bundled for a browser by rolldown (Vite's bundler), fully minified; react, react-dom and @tanstack/* stay external
// (a dApp has them already). Numbers are printed, never asserted.
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { kb, measureBundle } from './bundleSize.mjs'

const PEERS = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//]
const cssGz = (css) =>
  gzipSync(
    css
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{}:;,>])\s*/g, '$1')
      .trim(),
    { level: 9 },
  ).length
const ourCss = cssGz(readFileSync('src/components/styles.css', 'utf8'))
const aiohaCss = cssGz(readFileSync('node_modules/@aioha/react-ui/dist/build.css', 'utf8'))

// [label, entry, CSS bytes added, target]
const rows = [
  ['ours: deep-link helpers (buildAuthLink, parseAuthLink)', 'bench/entries/deepLinks.ts', 0, 1024],
  ['ours: core, createHasClient', 'bench/entries/coreLoginOnly.ts', 0, 12 * 1024],
  ['ours: core, createHasClient + verifyLoginMessage in the page', 'bench/entries/coreLoginAndVerify.ts', 0],
  ['ours: a server verifying Sign in with Hive (verifyLoginMessage)', 'bench/entries/coreVerifyServer.ts', 0],
  ['ours: hooks only (HasProvider, useHiveAuth)', 'bench/entries/hooksOnly.ts', 0, 12 * 1024],
  ['ours: full kit, English (provider, hooks, button, modal, sign prompt) + CSS', 'bench/entries/fullKit.ts', ourCss, 25 * 1024],
  ['hive-auth-wrapper 1.0.0 (the official wrapper, no UI)', 'bench/entries/peerHiveAuthWrapper.js', 0],
  ['@aioha/aioha 1.8.5', 'bench/entries/peerAioha.js', 0],
  ['@aioha/aioha + @aioha/react-ui 1.8.2 (modal) + CSS', 'bench/entries/peerAiohaReactUi.js', aiohaCss],
]
const width = Math.max(...rows.map((r) => r[0].length))
console.log(`${'bundle'.padEnd(width)}  loaded first   on first use   target`)
const sizes = {}
for (const [name, entry, css, target] of rows) {
  const m = await measureBundle(entry, PEERS)
  const first = m.initial.gz + css
  sizes[name] = first
  const verdict = target ? `≤ ${kb(target)} ${first <= target ? 'met' : `missed by ${kb(first - target)}`}` : ''
  console.log(`${name.padEnd(width)}  ${kb(first).padStart(11)}  ${kb(m.lazy.gz).padStart(13)}   ${verdict}`)
}
const full = sizes[rows[5][0]]
console.log(
  `ratios (loaded first): full kit vs hive-auth-wrapper ${(full / sizes[rows[6][0]]).toFixed(2)}×, vs aioha + react-ui ${(full / sizes[rows[8][0]]).toFixed(2)}×`,
)

// Where our bytes go: what each runtime dependency costs on its own, with the modules the kit imports.
console.log('\nwhat each dependency costs alone (min+gz):')
for (const [name, entry] of [
  ['crypto-js (aes, pad-nopadding, and what they pull: cipher-core, evpkdf, md5, sha1, hmac, base64)', 'bench/entries/depCryptoJs.ts'],
  ['qrcode.react (QRCodeSVG)', 'bench/entries/depQrcode.ts'],
  ['@noble/curves + @noble/hashes + @scure/base (signature checks, loaded on first use)', 'bench/entries/depCurve.ts'],
]) {
  const m = await measureBundle(entry, PEERS)
  console.log(`  ${name}: ${kb(m.gz)}`)
}
