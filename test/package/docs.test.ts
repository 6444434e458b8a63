import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as core from '../../src/exports/core'
import * as devkitNode from '../../src/exports/devkitNode'
import * as main from '../../src/exports/index'
import * as server from '../../src/exports/server'
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
    const names = new Set([...Object.keys(main), ...Object.keys(core), ...Object.keys(devkitNode), ...Object.keys(server), ...Object.keys(verify)])
    expect([...names].filter((name) => !api.includes(`| \`${name}\` |`))).toEqual([])
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
