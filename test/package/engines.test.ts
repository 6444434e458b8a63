import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

describe('engines', () => {
  it('npm ci from the lockfile warns of no package that refuses this Node (dev tools included)', () => {
    const result = spawnSync('npm', ['ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    expect(`${result.stdout}${result.stderr}`.split('\n').filter((line) => line.includes('EBADENGINE'))).toEqual([])
  }, 60_000)

  it('states the Node versions the package runs on: those that can require() its ESM', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } }
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0')
  })
})
