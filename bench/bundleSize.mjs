// Measures min+gzip bundle sizes as a browser app would ship them (numbers printed, never asserted).
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'

const gz = (code) => gzipSync(code, { level: 9 }).length

/**
 * Bundles `entry` for the browser (rolldown, Vite 8's bundler), fully minified. Returns { min, gz } of everything, and
 * `initial` (what the page loads first) apart from `lazy` (chunks loaded by a dynamic import, on first use).
 */
export async function measureBundle(entry, external = []) {
  // Images a library imports (a peer's wallet icons) are inlined as data URLs, as Vite does with small assets.
  const bundle = await rolldown({
    input: entry,
    external,
    platform: 'browser',
    logLevel: 'silent',
    moduleTypes: { '.svg': 'dataurl', '.png': 'dataurl' },
  })
  const { output } = await bundle.generate({ format: 'esm', minify: true })
  await bundle.close()
  const chunks = output.filter((o) => o.type === 'chunk')
  // Loaded first: the entry and every chunk it imports statically; the rest only through a dynamic import().
  const byName = new Map(chunks.map((c) => [c.fileName, c]))
  const initial = new Set()
  const visit = (chunk) => {
    if (initial.has(chunk)) return
    initial.add(chunk)
    for (const name of chunk.imports) if (byName.has(name)) visit(byName.get(name))
  }
  for (const chunk of chunks.filter((c) => c.isEntry)) visit(chunk)
  const initialCode = [...initial].map((c) => c.code).join('\n')
  const lazyCode = chunks
    .filter((c) => !initial.has(c))
    .map((c) => c.code)
    .join('\n')
  const all = chunks.map((c) => c.code).join('\n')
  return {
    min: Buffer.byteLength(all),
    gz: gz(all),
    initial: { min: Buffer.byteLength(initialCode), gz: gz(initialCode) },
    lazy: { min: Buffer.byteLength(lazyCode), gz: lazyCode ? gz(lazyCode) : 0 },
  }
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`
