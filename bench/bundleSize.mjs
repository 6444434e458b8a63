// Measures min+gzip bundle sizes as a browser app would ship them (numbers printed, never asserted).
import { gzipSync } from 'node:zlib'
import { rolldown } from 'rolldown'

/** Bundles `entry` for the browser (rolldown, Vite 8's bundler), fully minified; returns { min, gz } in bytes. */
export async function measureBundle(entry, external = []) {
  const bundle = await rolldown({ input: entry, external, platform: 'browser', logLevel: 'silent' })
  const { output } = await bundle.generate({ format: 'esm', minify: true })
  await bundle.close()
  const code = output
    .filter((o) => o.type === 'chunk')
    .map((o) => o.code)
    .join('\n')
  return { min: Buffer.byteLength(code), gz: gzipSync(code, { level: 9 }).length }
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(2)} kB`
