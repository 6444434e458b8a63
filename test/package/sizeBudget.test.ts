import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
// @ts-expect-error: a plain .mjs module of the bench, without types
import { entryImporting, measureEsbuild, measureRolldown } from '../../bench/bundleSize.mjs'

// The size gate: what a page loads first of each entry (the entry chunk and the chunks it imports statically), minified
// and gzipped, under rolldown (Vite) and esbuild with --splitting, against the budgets in bench/budgets.json.

interface Budget {
  module: string
  imports: string[]
  budget: Record<'rolldown' | 'esbuild', number>
}
type Measure = (entry: string) => Promise<{ first: number; later: number }>

const { entries } = JSON.parse(readFileSync('bench/budgets.json', 'utf8')) as { entries: Record<string, Budget> }
const bundlers: [keyof Budget['budget'], Measure][] = [
  ['rolldown', measureRolldown],
  ['esbuild', measureEsbuild],
]

describe('the size gate (bench/budgets.json)', () => {
  it('measures the built package', () => {
    expect(existsSync('dist/index.js'), 'run "npm run build" first (npm test does)').toBe(true)
    expect(Object.keys(entries).length).toBeGreaterThanOrEqual(5)
  })

  for (const [name, entry] of Object.entries(entries)) {
    for (const [bundler, measure] of bundlers) {
      it(`${name}, ${bundler}: loaded first within ${entry.budget[bundler]} kB`, async () => {
        const { file, dispose } = entryImporting(resolve(`dist/${entry.module}.js`), entry.imports)
        try {
          const { first } = await measure(file)
          expect(first / 1024, `${name} under ${bundler}`).toBeLessThanOrEqual(entry.budget[bundler])
        } finally {
          dispose()
        }
      })
    }
  }
})
