import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as aes from '../../src/exports/aes'
import * as core from '../../src/exports/core'
import * as devkitNode from '../../src/exports/devkitNode'
import * as main from '../../src/exports/index'
import * as server from '../../src/exports/server'
import * as links from '../../src/exports/links'
import * as operations from '../../src/exports/operations'
import * as verify from '../../src/exports/verify'

const api = readFileSync('API.md', 'utf8')
/** The property names of an exported interface, read from its source. */
function interfaceKeys(file: string, name: string): string[] {
  const source = readFileSync(file, 'utf8')
  const body = source.slice(source.indexOf(`export interface ${name} {`)).split('\n}')[0]!
  return [...body.matchAll(/^ {2}(\w+)\??:/gm)].map((m) => m[1]!)
}

describe('API.md', () => {
  it('has a line for every export of every entry', () => {
    const entries = [main, core, aes, links, operations, devkitNode, server, verify]
    const names = new Set(entries.flatMap((entry) => Object.keys(entry)))
    expect([...names].filter((name) => !api.includes(`| \`${name}\` |`))).toEqual([])
  })

  it('names only what an entry exports', () => {
    const names = new Set([main, core, aes, links, operations, devkitNode, server, verify].flatMap((entry) => Object.keys(entry)))
    const documented = [...api.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!)
    const tables = ['HasProvider', 'createHasClient'].map((name) => api.slice(api.indexOf(`## \`${name}\``)).split('\n## ')[0]!)
    const options = new Set(tables.flatMap((table) => [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!)))
    expect(documented.filter((name) => !names.has(name) && !options.has(name))).toEqual([])
  })

  it('documents every HasProvider prop and createHasClient option', () => {
    const rows = (heading: string) => api.slice(api.indexOf(heading)).split('\n## ')[0]!
    const provider = interfaceKeys('src/react/HasProvider.tsx', 'HasProviderProps')
    const client = interfaceKeys('src/core/client/createHasClient.ts', 'HasClientOptions')
    expect(provider.length).toBeGreaterThan(15)
    expect(provider.filter((key) => !rows('## `HasProvider` props').includes(`| \`${key}\` |`))).toEqual([])
    expect(client.filter((key) => !rows('## `createHasClient` options').includes(`| \`${key}\` |`))).toEqual([])
  })
})
