import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The layers of ARCHITECTURE: core ← query ← react ← components, and devkit beside them. Checked on every import.
interface Edge {
  from: string
  to: string // a path under src without extension, or a package name
  local: boolean
  typeOnly: boolean
  /** An `import()`: loaded on first use, not with the module. */
  dynamic?: boolean
  names: string[]
}

const SRC = resolve('src')
const files = walk(SRC).filter((f) => /\.(ts|tsx)$/.test(f))
const edges = files.flatMap(importsOf)

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]))
}

function importsOf(file: string): Edge[] {
  const text = readFileSync(file, 'utf8')
  const from = relative(SRC, file).replace(/\.(ts|tsx)$/, '')
  const found: Edge[] = []
  const statement = /^(?:import|export)\s+(type\s+)?(?:([^'"]*?)\s+from\s+)?['"]([^'"]+)['"]/gm
  for (const m of text.matchAll(statement)) found.push(edge(from, m[3]!, Boolean(m[1]), m[2] ?? ''))
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push({ ...edge(from, m[1]!, false, ''), dynamic: true })
  return found
}

function edge(from: string, specifier: string, typeOnly: boolean, clause: string): Edge {
  const to = specifier.startsWith('.') ? relative(SRC, resolve(SRC, dirname(from), specifier)) : specifier
  const names = [...clause.matchAll(/(?:type\s+)?(\w+)(?:\s+as\s+\w+)?/g)].map((m) => m[1]!).filter((n) => n !== 'type')
  const allTypes = clause.includes('{') && [...clause.matchAll(/[{,]\s*(type\s+)?\w+/g)].every((m) => m[1])
  return { from, to, local: specifier.startsWith('.'), typeOnly: typeOnly || allTypes, names }
}

const inLayer = (path: string, layer: string) => path === layer || path.startsWith(`${layer}/`)
/** Whether an import points into a folder of src (not to a package of the same name, such as react). */
const into = (e: Edge, layer: string) => e.local && inLayer(e.to, layer)
const violations = (rule: (e: Edge) => boolean) => edges.filter(rule).map((e) => `${e.from} → ${e.to}`)

/** The modules the public entries re-export, with the names they re-export from each. */
function publicSurface(): Map<string, Set<string>> {
  const surface = new Map<string, Set<string>>()
  for (const entry of ['exports/index', 'exports/core', 'exports/operations', 'exports/verify', 'exports/wallets']) {
    for (const e of edges.filter((x) => x.from === entry && !x.to.startsWith('exports/'))) {
      const names = surface.get(e.to) ?? new Set()
      for (const n of e.names) names.add(n)
      surface.set(e.to, names)
    }
  }
  return surface
}

describe('import boundaries', () => {
  it('parses the imports of every source file', () => {
    expect(files.length).toBeGreaterThan(50)
    expect(edges.length).toBeGreaterThan(200)
  })

  it('core imports no React, TanStack, components, query, server or devkit code', () => {
    const forbidden = /^(react|react-dom|@tanstack\/|qrcode\.react)/
    expect(
      violations(
        (e) => inLayer(e.from, 'core') && (forbidden.test(e.to) || ['query', 'react', 'components', 'devkit', 'server'].some((l) => into(e, l))),
      ),
    ).toEqual([])
  })

  it('actions take the client as an argument: they import it as a type only, and the client never imports them', () => {
    expect(violations((e) => inLayer(e.from, 'core/actions') && into(e, 'core/client') && !e.typeOnly)).toEqual([])
    expect(violations((e) => inLayer(e.from, 'core/client') && into(e, 'core/actions') && !e.typeOnly)).toEqual([])
    expect(
      violations((e) => inLayer(e.from, 'core/requestBuilders') && (into(e, 'core/client') || (into(e, 'core/actions') && !e.typeOnly))),
    ).toEqual([])
  })

  it('no entry but /verify and /server imports the curve, and none but /aes crypto-js, statically (both load on first use)', () => {
    const graph = new Map<string, string[]>()
    for (const e of edges)
      if (!e.typeOnly && !e.dynamic) graph.set(e.from, [...(graph.get(e.from) ?? []), e.local ? e.to.replace(/\.js$/, '') : e.to])
    const reaches = (from: string, target: RegExp, seen = new Set<string>()): boolean => {
      if (seen.has(from)) return false
      seen.add(from)
      return (graph.get(from) ?? []).some((to) => target.test(to) || reaches(to, target, seen))
    }
    const curve = /^@noble\/curves/
    expect(['exports/index', 'exports/core'].filter((entry) => reaches(entry, curve))).toEqual([])
    expect(reaches('exports/verify', curve)).toBe(true)
    const cryptoJs = /^crypto-js/
    expect(
      ['exports/index', 'exports/core', 'exports/links', 'exports/verify', 'exports/server'].filter((entry) => reaches(entry, cryptoJs)),
    ).toEqual([])
    expect(reaches('exports/aes', cryptoJs)).toBe(true)
  })

  it('query imports core and only types from TanStack', () => {
    expect(
      violations(
        (e) =>
          inLayer(e.from, 'query') && (['react', 'components', 'devkit'].some((l) => into(e, l)) || (e.to.startsWith('@tanstack/') && !e.typeOnly)),
      ),
    ).toEqual([])
  })

  it('react never imports components or devkit; devkit never imports react, query or components', () => {
    expect(violations((e) => inLayer(e.from, 'react') && ['components', 'devkit'].some((l) => into(e, l)))).toEqual([])
    expect(
      violations((e) => inLayer(e.from, 'devkit') && (/^(react|@tanstack\/)/.test(e.to) || ['react', 'query', 'components'].some((l) => into(e, l)))),
    ).toEqual([])
  })

  it('server imports core only: nothing of React, the browser components or the devkit', () => {
    const forbidden = /^(react|react-dom|@tanstack\/|qrcode\.react|isomorphic-ws)/
    expect(
      violations((e) => inLayer(e.from, 'server') && (forbidden.test(e.to) || ['query', 'react', 'components', 'devkit'].some((l) => into(e, l)))),
    ).toEqual([])
    expect(edges.filter((e) => inLayer(e.from, 'server')).length).toBeGreaterThan(3)
  })

  it('components use only the public surface of the hooks and of core (what users of .Custom can use too)', () => {
    const surface = publicSurface()
    const outside = edges.filter((e) => inLayer(e.from, 'components') && ['react', 'core', 'query', 'devkit'].some((l) => into(e, l)))
    const bad = outside.filter((e) => {
      // The drop-in offering its default wallets to the provider: plumbing, not a capability a custom UI lacks (it
      // passes `connectors` itself, e.g. `browserWallets()`).
      if (e.from === 'components/injectedWallets' && e.to === 'react/defaultConnectors.js') return false
      // The lazy parts' one import for bundlers' chunking (src/core/firstLoadShared.ts): it re-exports, it uses nothing.
      if (e.from === 'components/firstLoadShared') return false
      const exported = surface.get(e.to)
      return !exported || e.names.some((n) => !exported.has(n))
    })
    expect(outside.length).toBeGreaterThan(5)
    expect(bad.map((e) => `${e.from} → ${e.to} { ${e.names.join(', ')} }`)).toEqual([])
  })

  it('has no runtime import cycles', () => {
    const graph = new Map<string, string[]>()
    for (const e of edges) if (!e.typeOnly && e.local) graph.set(e.from, [...(graph.get(e.from) ?? []), e.to])
    const cycles: string[] = []
    const state = new Map<string, 'open' | 'done'>()
    const visit = (node: string, path: string[]) => {
      if (state.get(node) === 'done') return
      if (state.get(node) === 'open') return void cycles.push([...path.slice(path.indexOf(node)), node].join(' → '))
      state.set(node, 'open')
      for (const next of graph.get(node) ?? []) visit(next, [...path, node])
      state.set(node, 'done')
    }
    for (const node of graph.keys()) visit(node, [])
    expect(cycles).toEqual([])
  })
})
