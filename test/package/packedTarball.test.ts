import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractPackage, linkOtherPackages, npmPack } from '../support/tarball'

const root = resolve('.')
const bin = (name: string) => join(root, 'node_modules/.bin', name)
let work: string
let tarball: string

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'hive-auth-pack-'))
  tarball = npmPack(work)[0]!
}, 120_000)
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The compiler options of a strict Vite project (what `npm create vite` sets up, roughly). */
const VITE_STYLE = {
  module: 'esnext',
  moduleResolution: 'bundler',
  target: 'es2022',
  lib: ['es2022', 'dom', 'dom.iterable'],
  jsx: 'react-jsx',
  noUnusedLocals: true,
  skipLibCheck: true,
}

/** A fresh project folder with the tarball unpacked as its dependency and every other package linked from ours. */
function unpackedApp(prefix: string): string {
  const app = mkdtempSync(join(work, prefix))
  extractPackage(app, 'hive-auth-react', tarball)
  linkOtherPackages(app)
  return app
}

/** Type-checks `files` in a fresh project with these compiler options. */
function consumer(files: Record<string, string>, compilerOptions: Record<string, unknown>) {
  const app = unpackedApp('app-')
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  writeFileSync(
    join(app, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: false, ...compilerOptions } }),
  )
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(app, file)), { recursive: true })
    writeFileSync(join(app, file), text)
  }
  return spawnSync(bin('tsc'), ['-p', app], { encoding: 'utf8' })
}

describe('the packed tarball', () => {
  it('has types every resolution mode finds (attw, ESM profile) and lints clean (publint --strict)', () => {
    const attw = spawnSync(bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'json'], { encoding: 'utf8' })
    const report = JSON.parse(attw.stdout) as { analysis: { problems: { kind: string; resolutionKind?: string }[] } }
    // The package is ESM-only (node10 and require() are out of scope): what counts is node16 from ESM, and bundlers.
    const counted = report.analysis.problems.filter((p) => p.resolutionKind === 'node16-esm' || p.resolutionKind === 'bundler' || !p.resolutionKind)
    expect(counted).toEqual([])
    expect(attw.status).toBe(0)
    const publint = spawnSync(bin('publint'), ['--strict', tarball], { encoding: 'utf8' })
    expect(publint.stdout + publint.stderr).toContain('All good!')
    expect(publint.status).toBe(0)
  })

  it('ships the MIT license text, and states the Node versions whose require() loads it', () => {
    const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n')
    expect(files).toContain('package/LICENSE')
    const pkg = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' })) as {
      license: string
      engines: { node: string }
    }
    expect(pkg.license).toBe('MIT')
    // The package is ESM; require() of ESM works from Node 20.19 and 22.12 on.
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0')
    const app = unpackedApp('cjs-')
    const required = spawnSync(process.execPath, ['-e', "console.log(typeof require('hive-auth-react/core').buildAuthLink)"], {
      cwd: app,
      encoding: 'utf8',
    })
    expect(required.stdout.trim()).toBe('function')
  })

  it('types check under TypeScript nodenext (what tsc --init picks), without @types/node: wrong options are errors, not any', () => {
    const result = consumer(
      {
        'index.ts': `import { createHasClient, buildAuthLink } from 'hive-auth-react/core'
import { HasLoginButton, enLabels } from 'hive-auth-react'
import { createMemoryRelay } from 'hive-auth-react/devkit'
import 'hive-auth-react/styles.css'

// @ts-expect-error: an app name is a string
createHasClient({ app: { name: 1234 } })
// @ts-expect-error: there is no such option
createHasClient({ app: { name: 'dApp' }, bogus: true })
export const link: string = buildAuthLink({ account: 'alice', uuid: 'u', key: 'k', host: 'wss://h' })
export const label: string = enLabels.loginButton
export const button: typeof HasLoginButton = HasLoginButton
export const relayUrl: string = createMemoryRelay().url
`,
      },
      { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'], jsx: 'react-jsx', types: [] },
    )
    expect(result.stdout + result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
  it('bundles for the browser, devkit included (its Node servers live in hive-auth-react/devkit/node)', () => {
    const app = unpackedApp('bundle-')
    writeFileSync(
      join(app, 'page.js'),
      `import { createMemoryRelay, createWallet } from 'hive-auth-react/devkit'
import { createHasClient } from 'hive-auth-react/core'
const devkit = createMemoryRelay()
createWallet({ url: devkit.url, WebSocket: devkit.WebSocket, accounts: ['alice'] })
createHasClient({ app: { name: 'page' }, hosts: [devkit.url], WebSocket: devkit.WebSocket })
`,
    )
    const result = spawnSync(bin('esbuild'), ['page.js', '--bundle', '--platform=browser', '--format=esm', '--outfile=out.js', '--log-level=error'], {
      cwd: app,
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
  })
  it('tree-shakes: hooks alone bring no component, QR encoder or label; the first load brings no language but English', () => {
    const app = unpackedApp('shake-')
    /** The modules with code in what a page loads first (the entry and its static imports), esbuild with --splitting. */
    const bundle = (name: string, code: string) => {
      writeFileSync(join(app, `${name}.js`), code)
      const meta = join(app, `${name}.meta.json`)
      const args = [
        `${name}.js`,
        '--bundle',
        '--splitting',
        '--minify',
        '--format=esm',
        '--platform=browser',
        `--outdir=${name}.out`,
        `--metafile=${meta}`,
      ]
      const peers = ['react', 'react-dom', 'react/*', 'react-dom/*', '@tanstack/*'].map((p) => `--external:${p}`)
      expect(spawnSync(bin('esbuild'), [...args, ...peers, '--log-level=error'], { cwd: app, encoding: 'utf8' }).status).toBe(0)
      type Output = { entryPoint?: string; imports: { path: string; kind: string }[]; inputs: Record<string, { bytesInOutput: number }> }
      const { outputs } = JSON.parse(readFileSync(meta, 'utf8')) as { outputs: Record<string, Output> }
      const first = new Set<string>()
      const visit = (path: string) => {
        if (first.has(path) || !outputs[path]) return
        first.add(path)
        for (const i of outputs[path].imports) if (i.kind === 'import-statement') visit(i.path)
      }
      visit(Object.keys(outputs).find((path) => outputs[path]!.entryPoint === `${name}.js`)!)
      return [...first].flatMap((path) =>
        Object.entries(outputs[path]!.inputs)
          .filter(([, i]) => i.bytesInOutput > 0)
          .map(([input]) => input),
      )
    }
    const hooks = bundle('hooks', "export { HasProvider, useHiveAuth } from 'hive-auth-react'\n")
    expect(hooks.some((p) => p.includes('hive-auth-react/dist/react/'))).toBe(true)
    expect(hooks.filter((p) => /dist\/components\/|qrcode\.react/.test(p))).toEqual([])
    const english = bundle('english', "export { HasLoginButton, enLabels } from 'hive-auth-react'\n")
    expect(english.some((p) => p.includes('i18n/useLocaleLabels.js'))).toBe(true) // the user's language loads later
    expect(
      english.filter((p) =>
        /i18n\/(?!en\.js|enUi\.js|enButton\.js|enOperations\.js|errorText\.js|keyName\.js|format\.js|completeLabels\.js|useLocaleLabels\.js)/.test(p),
      ),
    ).toEqual([])
  })
  it('every ts/tsx block of the README and of docs/ compiles as its own module in a strict Vite-style project', () => {
    const pages = [
      'README.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ]
    const files: Record<string, string> = {}
    for (const page of pages) {
      const blocks = [...readFileSync(page, 'utf8').matchAll(/^```(tsx?)\n([\s\S]*?)^```$/gm)]
      for (const [i, block] of blocks.entries()) {
        // A block whose first line names its file ("// app/page.tsx: …") is compiled under that name, beside its page's others.
        const named = /^\/\/ ([\w/.-]+\.tsx?)[: ]/.exec(block[2]!)?.[1]
        files[named ? `${page.replace(/\W/g, '-')}/${named}` : `${page.replace(/\W/g, '-')}-${i + 1}.${block[1]}`] = `${block[2]}\nexport {}\n`
      }
    }
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(15)
    const result = consumer(files, { ...VITE_STYLE, types: ['node'] }) // some blocks are server code (process.env)
    expect(result.stdout + result.stderr).toBe('')
  })
  it('the Vite examples type-check against it (strict, noUnusedLocals)', () => {
    const files = Object.fromEntries(
      ['vite-dropin', 'vite-headless'].map((example) => [`${example}.tsx`, readFileSync(`examples/${example}/main.tsx`, 'utf8')]),
    )
    const result = consumer(files, { ...VITE_STYLE, types: [] })
    expect(result.stdout + result.stderr).toBe('')
  })
})
