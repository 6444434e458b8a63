// Measures min+gzip bundle sizes as a browser app would ship them: what the page loads first (the entry chunk and every
// chunk it imports statically) apart from what loads on first use (chunks reached only through `import()`). Used by
// `npm run bench` (numbers beside the peers) and by the size gate in `npm test` (test/package/sizeBudget.test.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'

const gz = (code) => gzipSync(code, { level: 9 }).length
export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`

/** The peers a dApp already has: never counted. */
export const PEERS = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\//]
const PEER_NAMES = ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*']

/** Splits chunks into loaded first and on first use, from each chunk's static imports; returns gzip sizes. */
function split(chunks) {
  const byName = new Map(chunks.map((c) => [c.name, c]))
  const initial = new Set()
  const visit = (chunk) => {
    if (initial.has(chunk)) return
    initial.add(chunk)
    for (const name of chunk.imports) if (byName.has(name)) visit(byName.get(name))
  }
  for (const chunk of chunks.filter((c) => c.isEntry)) visit(chunk)
  const join = (list) => list.map((c) => c.code).join('\n')
  const firstChunks = [...initial].filter((c) => c.code.trim() !== '')
  const later = join(chunks.filter((c) => !initial.has(c)))
  return {
    // As a browser fetches them: each first-load file gzipped on its own, summed.
    first: firstChunks.reduce((sum, c) => sum + gz(c.code), 0),
    files: firstChunks.length,
    concatenated: gz(join(firstChunks)),
    later: later ? gz(later) : 0,
    all: gz(join(chunks)),
  }
}

/** rolldown (Vite 8's bundler), minified, code splitting on. */
export async function measureRolldown(entry) {
  const { rolldown } = await import('rolldown')
  const bundle = await rolldown({
    input: entry,
    external: PEERS,
    preserveEntrySignatures: false,
    platform: 'browser',
    logLevel: 'silent',
    moduleTypes: { '.svg': 'dataurl', '.png': 'dataurl' },
  })
  const { output } = await bundle.generate({ format: 'esm', minify: true })
  await bundle.close()
  return split(output.filter((o) => o.type === 'chunk').map((c) => ({ name: c.fileName, code: c.code, isEntry: c.isEntry, imports: c.imports })))
}

/** esbuild with `--splitting`, minified. */
export async function measureEsbuild(entry) {
  const esbuild = await import('esbuild')
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    platform: 'browser',
    write: false,
    outdir: '/out',
    metafile: true,
    logLevel: 'silent',
    external: PEER_NAMES,
    loader: { '.svg': 'dataurl', '.png': 'dataurl' },
  })
  // The metafile names outputs relative to the working folder; keep only what follows "out/".
  const key = (path) => path.slice(path.lastIndexOf('out/'))
  const meta = new Map(Object.entries(result.metafile.outputs).map(([path, info]) => [key(path), info]))
  // esbuild marks the targets of import() as entry points too: only the one the page starts from is.
  const isEntry = (info) => Boolean(info.entryPoint) && resolve(info.entryPoint) === resolve(entry)
  return split(
    result.outputFiles
      .filter((f) => f.path.endsWith('.js'))
      .map((f) => {
        const info = meta.get(key(f.path)) ?? {}
        return {
          name: key(f.path),
          code: f.text,
          isEntry: isEntry(info),
          imports: (info.imports ?? []).filter((i) => i.kind === 'import-statement' && !i.external).map((i) => key(i.path)),
        }
      }),
  )
}

/** An entry module, written to a temporary folder, that imports `names` from `module` (a path) as an app would. */
export function entryImporting(module, names) {
  const dir = mkdtempSync(join(tmpdir(), 'hive-auth-size-'))
  const file = join(dir, 'entry.js')
  // Used, not re-exported: an app's entry exports nothing, and bundlers merge chunks into an entry whose exports they
  // need not keep (rolldown's mergeCommonChunks).
  writeFileSync(file, `import { ${names.join(', ')} } from ${JSON.stringify(module)}\nglobalThis.app = [${names.join(', ')}]\n`)
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/** An entry module that uses everything `module` (a path) exports, as an app importing all of it would. */
export function entryUsingAll(module) {
  const dir = mkdtempSync(join(tmpdir(), 'hive-auth-size-'))
  const file = join(dir, 'entry.js')
  writeFileSync(file, `import * as all from ${JSON.stringify(module)}\nglobalThis.app = all\n`)
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) }
}

/**
 * What the four wallets' descriptors (`keychain()`, `keeper()`, `peakVault()`, `hiveSigner()` from dist/wallets.js) add to
 * the hooks' first load (`HasProvider`, `useHiveAuth` from dist/index.js), as an app that configures them ships them:
 * bytes (each file gzipped on its own) and files, under `measure`.
 */
export async function descriptorsAdded(measure) {
  const hooks = resolve('dist/index.js')
  const plain = entryImporting(hooks, ['HasProvider', 'useHiveAuth'])
  const dir = mkdtempSync(join(tmpdir(), 'hive-auth-size-'))
  const withWallets = join(dir, 'entry.js')
  writeFileSync(
    withWallets,
    `import { HasProvider, useHiveAuth } from ${JSON.stringify(hooks)}\nimport { keychain, keeper, peakVault, hiveSigner } from ${JSON.stringify(resolve('dist/wallets.js'))}\n` +
      "globalThis.app = [HasProvider, useHiveAuth, keychain(), keeper(), peakVault(), hiveSigner({ app: 'a', callbackUrl: 'https://a/cb' })]\n",
  )
  try {
    const [wallets, alone] = [await measure(withWallets), await measure(plain.file)]
    return { bytes: wallets.first - alone.first, files: wallets.files - alone.files }
  } finally {
    plain.dispose()
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * webpack 5 (the one inside Next.js), production mode, each chunk minified afterwards with esbuild (Next's compiled
 * webpack comes without its minimizer). Its first load carries webpack's own chunk-loading runtime, as every app's.
 */
export async function measureWebpack(entry) {
  const { createRequire } = await import('node:module')
  const { readFileSync } = await import('node:fs')
  const esbuild = await import('esbuild')
  const require = createRequire(import.meta.url)
  const { webpack } = require('next/dist/compiled/webpack/webpack-lib')
  const dir = mkdtempSync(join(tmpdir(), 'hive-auth-webpack-'))
  try {
    const stats = await new Promise((done, fail) =>
      webpack({
        mode: 'production',
        entry,
        output: { path: join(dir, 'out'), module: true, library: { type: 'module' }, chunkFormat: 'module' },
        experiments: { outputModule: true },
        externalsType: 'module',
        externals: PEERS,
        target: 'web',
        devtool: false,
        optimization: { minimize: false },
        module: { rules: [{ test: /\.(svg|png)$/, type: 'asset/inline' }] },
      }).run((error, result) => (error || result.hasErrors() ? fail(error ?? new Error(result.toString('errors-only'))) : done(result))),
    )
    const { chunks } = stats.toJson({ chunks: true })
    const minified = async (c) =>
      Promise.all(
        c.files
          .filter((f) => f.endsWith('.mjs') || f.endsWith('.js'))
          .map(async (f) => (await esbuild.transform(readFileSync(join(dir, 'out', f), 'utf8'), { minify: true })).code),
      )
    const firstFiles = (await Promise.all(chunks.filter((c) => c.initial).map(minified))).flat()
    const later = (await Promise.all(chunks.filter((c) => !c.initial).map(minified))).flat().join('\n')
    return {
      first: firstFiles.reduce((sum, code) => sum + gz(code), 0),
      files: firstFiles.length,
      concatenated: gz(firstFiles.join('\n')),
      later: later ? gz(later) : 0,
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
