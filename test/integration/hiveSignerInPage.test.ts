import { afterEach, describe, expect, it } from 'vitest'
import { authenticate } from '../../src/core/actions/authenticate'
import { sign } from '../../src/core/actions/sign'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { hiveSigner } from '../../src/core/connectors/hiveSigner'
import { readHiveSignerToken } from '../../src/core/connectors/hiveSignerToken'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { createChain } from '../../src/devkit/chain'
import { type InPageHiveSigner, installFakeHiveSigner } from '../../src/devkit/fakeHiveSignerPage'
import { until } from '../support/until'

// The devkit's in-page HiveSigner (what Storybook and browser demos use where the Node fake cannot run): the real
// connector, its window opened through the page's `open`, the answer handed over a real BroadcastChannel as the
// callback page hands it, its API answering the page's `fetch`, broadcasts landing on the in-page chain.

const CALLBACK = 'https://dapp.example/hivesigner-callback'
let fake: InPageHiveSigner | undefined
let client: HasClient | undefined
afterEach(() => {
  client?.close()
  fake?.uninstall()
  fake = client = undefined
})

function setUp(decision: 'approve' | 'reject' | 'manual') {
  const chain = createChain({ accounts: ['alice', 'bob'] })
  fake = installFakeHiveSigner({ accounts: ['alice', 'bob'], chain, apps: { 'my.app': [CALLBACK] }, decision })
  const connector = hiveSigner({ app: 'my.app', callbackUrl: CALLBACK, baseUrl: fake.url, scope: ['posting'], timeoutMs: 2_000 })
  client = createHasClient({
    app: { name: 'In-page HiveSigner' },
    hosts: ['ws://127.0.0.1:9'],
    storage: createMemoryStorage(),
    connectors: [connector],
  })
  return { chain, fake, client }
}

describe('the in-page HiveSigner', () => {
  it('logs in through its window and votes through its API, onto the in-page chain', async () => {
    const { chain, fake, client } = setUp('approve')
    const session = await authenticate(client, { connector: 'hivesigner', account: 'alice' })
    expect(session).toMatchObject({ account: 'alice', connector: 'hivesigner' })
    expect(session.verified).toBeUndefined() // a HiveSigner token proves no site nor nonce
    expect(readHiveSignerToken(fake.tokens[0]!)).toMatchObject({ account: 'alice', app: 'my.app', type: 'posting' })
    expect(fake.requests).toMatchObject([{ type: 'authorize', account: 'alice', role: 'posting', message: 'Authorize @my.app' }])
    const vote = ['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 10000 }] as [string, Record<string, unknown>]
    const { txid } = await sign(client, { account: 'alice', keyType: 'posting', ops: [vote] })
    expect(chain.transactions().map((t) => t.txid)).toContain(txid)
  })

  it('keeps its Authorize page open until the user approves it', async () => {
    const { fake, client } = setUp('manual')
    const login = authenticate(client, { connector: 'hivesigner', account: 'alice' })
    await until(() => fake.pending().length === 1)
    expect(client.getState().requests).toMatchObject([{ status: 'waiting', pending: { connector: 'hivesigner' } }])
    fake.approve(fake.pending()[0]!.id)
    await expect(login).resolves.toMatchObject({ account: 'alice' })
  })

  it('a rejection tells the app nothing, as HiveSigner: the login waits until it expires', async () => {
    const { fake, client } = setUp('reject')
    const login = authenticate(client, { connector: 'hivesigner', account: 'alice' })
    await expect(login).rejects.toMatchObject({ code: 'expired' })
    expect(fake.requests).toHaveLength(1)
    expect(fake.tokens).toEqual([])
  })

  it('an app whose callback page is not registered gets nothing back', async () => {
    const chain = createChain({ accounts: ['alice'] })
    fake = installFakeHiveSigner({ accounts: ['alice'], chain, apps: { 'my.app': ['https://elsewhere.example/cb'] } })
    const connector = hiveSigner({ app: 'my.app', callbackUrl: CALLBACK, baseUrl: fake.url, timeoutMs: 500 })
    client = createHasClient({ app: { name: 'x' }, hosts: ['ws://127.0.0.1:9'], storage: createMemoryStorage(), connectors: [connector] })
    await expect(authenticate(client, { connector: 'hivesigner', account: 'alice' })).rejects.toMatchObject({ code: 'expired' })
    expect(fake.tokens).toEqual([])
  })

  it('leaves every other window and fetch to the page, and gives them back on uninstall', async () => {
    const before = { open: globalThis.open, fetch: globalThis.fetch }
    const installed = installFakeHiveSigner({ accounts: ['alice'], chain: createChain({ accounts: ['alice'] }), apps: {} })
    expect(globalThis.fetch).not.toBe(before.fetch)
    const answer = await fetch(`${installed.url}/api/me`, { headers: { authorization: 'nope' } })
    expect([answer.status, await answer.json()]).toEqual([401, { error: 'invalid_grant', error_description: 'The token has invalid role' }])
    installed.uninstall()
    expect({ open: globalThis.open, fetch: globalThis.fetch }).toEqual(before)
  })
})
