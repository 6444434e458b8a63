import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs module of the bench, without types
import { descriptorsAdded, entryImporting, measureEsbuild, measureRolldown, measureWebpack } from '../../bench/bundleSize.mjs'

// The size gate: what a page loads first of each entry (the entry chunk and the chunks it imports statically), as a
// browser fetches it (each file minified and gzipped on its own), and in how many files, under rolldown (Vite), esbuild
// with --splitting and webpack (Next), against the budgets in bench/budgets.json.

type Bundler = 'rolldown' | 'esbuild' | 'webpack'
interface Budget {
  module: string
  imports: string[]
  budget: Record<Bundler, number>
  files: Record<Bundler, number>
}
type Measure = (entry: string) => Promise<{ first: number; files: number; later: number }>

const { entries, descriptors } = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as {
  entries: Record<string, Budget>
  descriptors: { budget: Record<Bundler, number>; addedFiles: number }
}
const bundlers: [Bundler, Measure][] = [
  ['rolldown', measureRolldown],
  ['esbuild', measureEsbuild],
  ['webpack', measureWebpack],
]

describe('the size gate (bench/budgets.json)', () => {
  it('measures the built package', () => {
    expect(existsSync('dist/index.js'), 'run "npm run build" first (npm test does)').toBe(true)
    expect(Object.keys(entries).length).toBeGreaterThanOrEqual(5)
  })

  for (const [name, entry] of Object.entries(entries)) {
    for (const [bundler, measure] of bundlers) {
      it(`${name}, ${bundler}: loaded first within ${entry.budget[bundler]} kB in ≤ ${entry.files[bundler]} files`, async () => {
        const { file, dispose } = entryImporting(resolve(`dist/${entry.module}.js`), entry.imports)
        try {
          const { first, files } = await measure(file)
          expect(first / 1024, `${name} under ${bundler}`).toBeLessThanOrEqual(entry.budget[bundler])
          expect(files, `${name}'s first-load files under ${bundler}`).toBeLessThanOrEqual(entry.files[bundler])
        } finally {
          dispose()
        }
      })
    }
  }

  for (const [bundler, measure] of bundlers) {
    it(`the four wallets' descriptors, ${bundler}: add at most ${descriptors.budget[bundler]} kB to the hooks' first load, in no new file`, async () => {
      const { bytes, files } = (await descriptorsAdded(measure)) as { bytes: number; files: number }
      expect(bytes / 1024).toBeLessThanOrEqual(descriptors.budget[bundler])
      expect(files).toBeLessThanOrEqual(descriptors.addedFiles)
    })
  }
})
