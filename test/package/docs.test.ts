import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as aes from '../../src/exports/aes'
import * as core from '../../src/exports/core'
import * as devkitNode from '../../src/exports/devkitNode'
import * as main from '../../src/exports/index'
import * as server from '../../src/exports/server'
import * as links from '../../src/exports/links'
import * as locales from '../../src/exports/locales'
import * as operations from '../../src/exports/operations'
import * as verify from '../../src/exports/verify'
import * as wallets from '../../src/exports/wallets'

const api = readFileSync('API.md', 'utf8')
/** The property names of an exported interface, read from its source. */
function interfaceKeys(file: string, name: string): string[] {
  const source = readFileSync(file, 'utf8')
  const start = source.search(new RegExp(`export interface ${name}\\b[^{]*\\{`))
  if (start < 0) throw new Error(`${file} has no interface ${name}`)
  const body = source.slice(start).split('\n}')[0]!
  return [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!)
}

/** The section of API.md under a heading, up to the next. */
const rows = (heading: string) => api.slice(api.indexOf(heading)).split('\n## ')[0]!

describe('API.md', () => {
  it('has a line for every export of every entry', () => {
    const entries = [main, core, aes, links, locales, operations, devkitNode, server, verify, wallets]
    const names = new Set(entries.flatMap((entry) => Object.keys(entry)))
    expect([...names].filter((name) => !api.includes(`| \`${name}\` |`))).toEqual([])
  })

  it('names only what an entry exports', () => {
    const names = new Set([main, core, aes, links, locales, operations, devkitNode, server, verify, wallets].flatMap((entry) => Object.keys(entry)))
    const documented = [...api.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!)
    const tables = [...api.matchAll(/^## `\w+` (?:props|options)\n[\s\S]*?(?=\n## )/gm)].map((m) => m[0])
    expect(tables.length).toBe(6)
    const options = new Set(tables.flatMap((table) => [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!)))
    expect(documented.filter((name) => !names.has(name) && !options.has(name))).toEqual([])
  })

  it('documents every HasProvider prop and createHasClient option', () => {
    const rows = (heading: string) => api.slice(api.indexOf(heading)).split('\n## ')[0]!
    const provider = interfaceKeys('src/react/HasProvider.tsx', 'HasProviderProps')
    const client = interfaceKeys('src/core/client/clientTypes.ts', 'HasClientOptions')
    expect(provider.length).toBeGreaterThan(15)
    expect(provider.filter((key) => !rows('## `HasProvider` props').includes(`| \`${key}\` |`))).toEqual([])
    expect(client.filter((key) => !rows('## `createHasClient` options').includes(`| \`${key}\` |`))).toEqual([])
  })

  it('has a props table for every component, with every prop its type declares', () => {
    const ui = interfaceKeys('src/components/theme/HasUiProvider.tsx', 'HasUiOptions')
    const components = {
      HasLoginButton: [...interfaceKeys('src/components/HasLoginButton/HasLoginButton.tsx', 'HasLoginButtonProps'), ...ui],
      HasQrModal: [...interfaceKeys('src/components/HasQrModal/QrModal.tsx', 'HasQrModalProps'), ...ui],
      HasSignPrompt: [...interfaceKeys('src/components/HasSignPrompt/SignPrompt.tsx', 'HasSignPromptProps'), ...ui],
      HasUiProvider: [...ui, 'children'],
    }
    for (const [name, keys] of Object.entries(components)) {
      expect(keys.length, name).toBeGreaterThan(3)
      expect([name, keys.filter((key) => !rows(`## \`${name}\` props`).includes(`| \`${key}\` |`))]).toEqual([name, []])
    }
  })

  it('has a line for the options of every hook that takes any', () => {
    const hooks = rows('## Hook options')
    for (const hook of ['useHiveAuth', 'useHasSign', 'useHasChallenge', 'usePendingRequest', 'useHasSession', 'useHasState', 'useCountdown'])
      expect(hooks, hook).toContain(`| \`${hook}\` |`)
  })
})

describe('README, docs/ and CONTRIBUTING.md', () => {
  it('link only to files that exist, and to anchors that exist', () => {
    const pages = [
      'README.md',
      'API.md',
      'CONTRIBUTING.md',
      'CHANGELOG.md',
      ...readdirSync('docs')
        .filter((f) => f.endsWith('.md'))
        .map((f) => `docs/${f}`),
    ]
    const broken: string[] = []
    for (const page of pages) {
      for (const [, target] of readFileSync(page, 'utf8').matchAll(/\]\(((?!https?:|mailto:)[^)\s]+)\)/g)) {
        const [file, anchor] = target!.split('#')
        const path = file ? join(dirname(page), file) : page
        if (!existsSync(path)) broken.push(`${page} → ${target}`)
        else if (anchor && path.endsWith('.md') && !anchorsOf(readFileSync(path, 'utf8')).has(anchor)) broken.push(`${page} → ${target}`)
      }
    }
    expect(broken).toEqual([])
  })
})

/** The anchors a Markdown page has: GitHub's heading slugs and explicit `id`s. */
function anchorsOf(markdown: string): Set<string> {
  const headings = [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
    m[1]!
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, '')
      .replace(/ /g, '-'),
  )
  const ids = [...markdown.matchAll(/id="([^"]+)"/g)].map((m) => m[1]!)
  return new Set([...headings, ...ids])
}
