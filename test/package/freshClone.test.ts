import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const root = resolve('.')
const work = mkdtempSync(join(tmpdir(), 'hive-auth-clone-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The files a fresh clone has (tracked ones, and new ones not ignored), copied without dist/ or node_modules. */
function cloneWorkingTree(into: string) {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && existsSync(join(root, file)))
  for (const file of files) {
    mkdirSync(dirname(join(into, file)), { recursive: true })
    cpSync(join(root, file), join(into, file))
  }
}

interface PackReport {
  files: { path: string }[]
}

describe('installable from a clone', () => {
  it('npm pack in a fresh clone builds dist/ first (prepare, which a git install runs too), so the tarball has the code, the types and the CLI', () => {
    const clone = join(work, 'clone')
    cloneWorkingTree(clone)
    expect(existsSync(join(clone, 'dist'))).toBe(false)
    // What `npm ci` would install; linked to save the minutes.
    symlinkSync(join(root, 'node_modules'), join(clone, 'node_modules'))
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: clone, encoding: 'utf8' })
    const [report] = JSON.parse(out.slice(out.indexOf('['))) as PackReport[]
    const paths = report!.files.map((f) => f.path)
    for (const expected of ['dist/index.js', 'dist/core.js', 'dist/cli.js', 'dist/styles.css', 'dist/types/exports/index.d.ts'])
      expect(paths).toContain(expected)
    expect(paths.some((p) => p.startsWith('src/') || p.startsWith('test/'))).toBe(false)
  }, 180_000)
})
