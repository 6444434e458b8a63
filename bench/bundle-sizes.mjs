// `npm run bench`: what a page loads first of each entry (and what loads on first use), min+gzip, under rolldown
// (Vite), esbuild with --splitting and webpack (Next), beside the peers in the same run. Numbers are printed, never
// asserted here: the size gate in `npm test` asserts the budgets of bench/budgets.json.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { descriptorsAdded, entryImporting, entryUsingAll, kb, measureEsbuild, measureRolldown, measureWebpack } from './bundleSize.mjs'

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
const { entries } = JSON.parse(readFileSync('bench/budgets.json', 'utf8'))
const cell = (m) => `${kb(m.first).padStart(9)} in ${m.files} (+${kb(m.later)})`

console.log(
  `loaded first, as a browser fetches it: each file min+gzip on its own, summed, "in" how many files (+ on first use); our CSS adds ${kb(ourCss)} where components are used`,
)
console.log(`${'entry'.padEnd(62)} ${'rolldown'.padEnd(27)} ${'esbuild --splitting'.padEnd(27)} ${'webpack'.padEnd(27)} target`)
const rows = Object.entries(entries).map(([name, e]) => [name, { module: resolve(`dist/${e.module}.js`), imports: e.imports }, e])
const peers = [
  ['hive-auth-wrapper 1.0.0 (the official wrapper, no UI)', { file: 'bench/peers/peerHiveAuthWrapper.js' }],
  ['@aioha/aioha 1.8.5', { file: 'bench/peers/peerAioha.js' }],
  ['@aioha/aioha + @aioha/react-ui 1.8.2 (modal)', { file: 'bench/peers/peerAiohaReactUi.js' }],
]
const results = {}
for (const [name, spec, target] of [...rows, ...peers]) {
  const entry = spec.file ? { file: resolve(spec.file), dispose() {} } : entryImporting(spec.module, spec.imports)
  try {
    const m = { rolldown: await measureRolldown(entry.file), esbuild: await measureEsbuild(entry.file), webpack: await measureWebpack(entry.file) }
    results[name] = m
    const worse = Math.max(m.rolldown.first, m.esbuild.first, m.webpack.first)
    const files = Math.max(m.rolldown.files, m.esbuild.files, m.webpack.files)
    const verdict = target
      ? `≤ ${target.target} kB: ${worse / 1024 <= target.target ? 'met' : `missed by ${kb(worse - target.target * 1024)}`}; ` +
        `≤ ${target.targetFiles} files: ${files <= target.targetFiles ? 'met' : `missed (${files})`}`
      : ''
    console.log(`${name.padEnd(62)} ${cell(m.rolldown).padEnd(27)} ${cell(m.esbuild).padEnd(27)} ${cell(m.webpack).padEnd(27)} ${verdict}`)
  } finally {
    entry.dispose()
  }
}
const first = (name, bundler) => results[name][bundler].first
const [, , dropIn, full] = Object.keys(entries)
for (const bundler of ['rolldown', 'esbuild', 'webpack']) {
  console.log(
    `${bundler}: drop-in vs hive-auth-wrapper ${(first(dropIn, bundler) / first(peers[0][0], bundler)).toFixed(2)}×, ` +
      `full kit vs aioha + react-ui ${(first(full, bundler) / first(peers[2][0], bundler)).toFixed(2)}×`,
  )
}

const aiohaCss = cssGz(readFileSync('bench/peers/node_modules/@aioha/react-ui/dist/build.css', 'utf8'))
console.log(`CSS: ours ${kb(ourCss)}, @aioha/react-ui ${kb(aiohaCss)}`)
console.log('\nwhat each dependency costs alone (rolldown, min+gz):')
for (const [name, file] of [
  ['crypto-js (aes, pad-nopadding, and what they pull: cipher-core, evpkdf, md5, sha1, hmac, base64)', 'bench/entries/depCryptoJs.ts'],
  ['qrcode.react (QRCodeSVG), loaded with the modal', 'bench/entries/depQrcode.ts'],
  ['@noble/curves + @noble/hashes + @scure/base (signature checks, loaded on first use)', 'bench/entries/depCurve.ts'],
]) {
  console.log(`  ${name}: ${kb((await measureRolldown(resolve(file))).first)}`)
}

// The wallets beside HiveAuth: their descriptors (what an app that configures them adds to its first load) and their
// code (loaded when a wallet is first used: every built-in wallet shares one chunk with the connector runner), each
// measured alone with what it imports, beside aioha's provider modules measured the same way.
console.log('\nwallets beside HiveAuth, alone with what they import (rolldown, min+gz):')
const alone = async (label, code) => {
  const { file, dispose } = entryImporting(resolve(code.module), code.imports)
  try {
    console.log(`  ${label}: ${kb((await measureRolldown(file)).first)}`)
  } finally {
    dispose()
  }
}
await alone('descriptors: keychain(), keeper(), peakVault(), hiveSigner() from hive-auth-react/wallets', {
  module: 'dist/wallets.js',
  imports: ['keychain', 'keeper', 'peakVault', 'hiveSigner'],
})
await alone('the wallets’ code on first use (Keychain family, Peak Vault, HiveSigner, the runner)', {
  module: 'dist/core/connectors/startConnector.js',
  imports: ['startConnector', 'createKeychainImpl', 'createPeakVaultImpl', 'createHiveSignerImpl'],
})
// Each wallet's own code: what it adds to the connector runner they share (the runner, the login and the sign-only
// checks, the kit's errors), min+gz under rolldown.
const startConnector = resolve('dist/core/connectors/startConnector.js')
const firstOf = async (names) => {
  const { file, dispose } = entryImporting(startConnector, names)
  try {
    return (await measureRolldown(file)).first
  } finally {
    dispose()
  }
}
const runnerAlone = await firstOf(['startConnector'])
console.log(`  the connector runner they share: ${kb(runnerAlone)}`)
for (const [label, impl] of [
  ['Keychain family (Keychain, Keychain Mobile, Keeper)', 'createKeychainImpl'],
  ['Peak Vault', 'createPeakVaultImpl'],
  ['HiveSigner', 'createHiveSignerImpl'],
]) {
  console.log(`  + ${label}: ${kb((await firstOf(['startConnector', impl])) - runnerAlone)}`)
}
// What the four descriptors add to the hooks' first load, as an app that configures them ships them.
const added = async (measure) => {
  const { bytes, files } = await descriptorsAdded(measure)
  return `+${kb(bytes)}${files ? `, +${files} file(s)` : ''}`
}
console.log(
  `  the four descriptors on the hooks' first load: ${await added(measureRolldown)} (rolldown), ${await added(measureEsbuild)} (esbuild), ${await added(measureWebpack)} (webpack); target ≤ 0.6 kB`,
)
for (const provider of ['keychain', 'peakvault', 'hivesigner']) {
  const { file, dispose } = entryUsingAll(resolve(`bench/peers/node_modules/@aioha/aioha/build/providers/${provider}.js`))
  try {
    console.log(`  @aioha/aioha's ${provider} provider: ${kb((await measureRolldown(file)).first)}`)
  } finally {
    dispose()
  }
}
