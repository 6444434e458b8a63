import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { VERSION } from '../../src/core/version'

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }

describe('a release', () => {
  it('has one version everywhere: package.json, the version errors report, and a CHANGELOG entry', () => {
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/)
    expect(VERSION).toBe(pkg.version)
    const changelog = readFileSync('CHANGELOG.md', 'utf8')
    expect(changelog).toMatch(/^## Unreleased$/m)
    expect(changelog).toMatch(new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')} - \\d{4}-\\d{2}-\\d{2}$`, 'm'))
  })

  it('publishes (dry run) exactly the built package, its license, its docs and the Sign in with Hive vectors', () => {
    const result = spawnSync('npm', ['publish', '--dry-run', '--ignore-scripts', '--json'], { encoding: 'utf8' })
    expect(result.status).toBe(0)
    const report = (
      JSON.parse(result.stdout.slice(result.stdout.indexOf('{'))) as Record<string, { name: string; version: string; files: { path: string }[] }>
    )['hive-auth-react']!
    expect(report).toMatchObject({ name: 'hive-auth-react', version: pkg.version })
    const paths = report.files.map((f) => f.path)
    for (const file of ['LICENSE', 'README.md', 'API.md', 'CHANGELOG.md', 'package.json', 'dist/index.js', 'dist/styles.css'])
      expect(paths).toContain(file)
    expect(paths).toContain('docs/sign-in-with-hive.vectors.json')
    expect(paths).toContain('docs/hive/caip122.md') // the standard links to it
    expect(
      paths.filter((p) => !/^(dist\/|docs\/(hive\/)?[\w.-]+\.(md|json)$|LICENSE$|README\.md$|API\.md$|CHANGELOG\.md$|package\.json$)/.test(p)),
    ).toEqual([])
  }, 60_000)
})
