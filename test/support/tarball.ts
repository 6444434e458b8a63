import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, symlinkSync } from 'node:fs'
import { join, resolve } from 'node:path'

const repo = resolve('.')

/**
 * `npm pack` of specs (this repository when none), into `folder`; returns the tarballs' paths. This repository is
 * packed without its `prepare` build: `npm test` has just built `dist/`.
 */
export function npmPack(folder: string, ...specs: string[]): string[] {
  const cwd = specs.length ? folder : repo
  const scripts = specs.length ? [] : ['--ignore-scripts']
  const names = execFileSync('npm', ['pack', '--silent', ...scripts, ...specs, '--pack-destination', folder], { cwd, encoding: 'utf8' })
    .trim()
    .split('\n')
  return names.map((name) => join(folder, name))
}

/** Unpacks an npm tarball as `app/node_modules/<name>`, as `npm install` would lay it out. */
export function extractPackage(app: string, name: string, tarball: string) {
  mkdirSync(join(app, 'node_modules', name), { recursive: true })
  execFileSync('tar', ['-xzf', tarball, '-C', join(app, 'node_modules', name), '--strip-components=1'])
}

/** Links every package of this repository's node_modules into `app`'s, except those it already has. */
export function linkOtherPackages(app: string) {
  mkdirSync(join(app, 'node_modules'), { recursive: true })
  const own = new Set(readdirSync(join(app, 'node_modules')))
  for (const entry of readdirSync(join(repo, 'node_modules'))) {
    if (!own.has(entry) && !entry.startsWith('.')) symlinkSync(join(repo, 'node_modules', entry), join(app, 'node_modules', entry))
  }
}
