import { afterEach, describe, expect, it } from 'vitest'
import { createHasClient, type HasClient } from '../../../src/core/client/createHasClient'
import type { HasClientState } from '../../../src/core/types'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import { STORAGE_KEY } from '../../../src/core/storage/sessionRecords'
import { createMemoryRelay, type MemoryRelay } from '../../../src/devkit/memory'
import { createWallet, type Wallet } from '../../../src/devkit/wallet'
import { authenticate } from '../../../src/core/actions/authenticate'
import { sign } from '../../../src/core/actions/sign'
import { createChain, type DevkitChain } from '../../../src/devkit/chain'

let relay: MemoryRelay
let wallet: Wallet
const clients: HasClient[] = []
afterEach(() => {
  for (const c of clients.splice(0)) c.close()
  wallet.close()
  relay.close()
})

function makeClient(storage = createMemoryStorage(), chain?: DevkitChain) {
  const client = createHasClient({
    app: { name: 'Resume' },
    hosts: [relay.url],
    WebSocket: relay.WebSocket,
    storage,
    reconnectDelaysMs: [10],
    ...(chain ? { chain: { nodes: [chain.url], fetch: chain.fetch } } : {}),
  })
  clients.push(client)
  return { client, storage }
}

/** A copy of the storage as it is now: what a reloaded page finds. */
function reloadStorage(storage: ReturnType<typeof createMemoryStorage>) {
  const copy = createMemoryStorage()
  const raw = storage.getItem(STORAGE_KEY)
  if (raw) copy.setItem(STORAGE_KEY, raw)
  return copy
}

const until = async (client: HasClient, check: (s: HasClientState) => boolean) => {
  for (let i = 0; i < 500 && !check(client.getState()); i++) await new Promise((r) => setTimeout(r, 5))
  expect(check(client.getState())).toBe(true)
}

describe('a waiting request survives a reload', () => {
  it('the reloaded client re-attaches and logs in from the late answer', async () => {
    relay = createMemoryRelay()
    wallet = createWallet({ url: relay.url, WebSocket: relay.WebSocket, accounts: ['alice'], decision: 'manual' })
    const before = makeClient()
    let uuid = ''
    authenticate(before.client, { account: 'alice', onWait: (p) => ((uuid = p.uuid), void wallet.scan(p.deepLink)) }).catch(() => {})
    await until(before.client, (s) => s.requests[0]?.status === 'waiting')
    await new Promise((r) => setTimeout(r, 20))
    expect(wallet.pending()).toHaveLength(1)
    const storage = reloadStorage(before.storage)

    const after = makeClient(storage).client
    await until(after, (s) => s.requests.length > 0) // the runner's code loads first
    expect(after.getState().requests).toMatchObject([{ kind: 'auth', account: 'alice', pending: { uuid } }])
    await until(after, (s) => s.requests[0]?.status === 'waiting') // attached again
    wallet.approve(uuid)
    await until(after, (s) => s.sessions.length === 1)
    expect(after.getState().last.auth).toMatchObject({ status: 'approved', account: 'alice' })
    expect(after.getState().requests).toEqual([])
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).pending).toEqual([])
  })

  it('a verified login waiting at the reload is still checked on chain when its answer comes', async () => {
    relay = createMemoryRelay()
    const chain = createChain({ accounts: ['alice'] })
    wallet = createWallet({ url: relay.url, WebSocket: relay.WebSocket, accounts: ['alice'], chain, decision: 'manual' })
    const before = makeClient(createMemoryStorage(), chain)
    authenticate(before.client, { account: 'alice', verify: true, onWait: (p) => void wallet.scan(p.deepLink) }).catch(() => {})
    await until(before.client, (s) => s.requests[0]?.status === 'waiting')
    await new Promise((r) => setTimeout(r, 20))
    const after = makeClient(reloadStorage(before.storage), chain).client
    await until(after, (s) => s.requests[0]?.status === 'waiting')
    wallet.approve(wallet.pending()[0]!.uuid)
    await until(after, (s) => s.sessions.length === 1)
    expect(after.getState().sessions[0]).toMatchObject({ account: 'alice', verified: true })
  })

  it('a restored sign request delivers its txid to state.last', async () => {
    relay = createMemoryRelay()
    wallet = createWallet({ url: relay.url, WebSocket: relay.WebSocket, accounts: ['alice'] })
    const before = makeClient()
    await authenticate(before.client, { account: 'alice', onWait: (p) => void wallet.scan(p.deepLink) })
    wallet.setDecision('manual')
    sign(before.client, {
      account: 'alice',
      keyType: 'posting',
      ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'hello-world', weight: 10000 }]],
    }).catch(() => {})
    await until(before.client, (s) => s.requests[0]?.status === 'waiting')
    await new Promise((r) => setTimeout(r, 20))
    const after = makeClient(reloadStorage(before.storage)).client
    wallet.approve(wallet.pending()[0]!.uuid)
    await until(after, (s) => s.last.sign?.status === 'approved')
    expect(after.getState().last.sign?.result).toMatchObject({ broadcast: true, txid: expect.stringMatching(/^[0-9a-f]{40}$/) })
  })

  it('nothing of an expired request is restored', async () => {
    relay = createMemoryRelay()
    wallet = createWallet({ url: relay.url, WebSocket: relay.WebSocket, accounts: ['alice'] })
    const storage = createMemoryStorage()
    const record = { kind: 'auth', account: 'alice', key: 'k', flag: false, uuid: 'u', expire: Date.now() - 1, host: relay.url }
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions: [], pending: [record] }))
    const { client } = makeClient(storage)
    expect(client.getState().requests).toEqual([])
    expect(client.getState().connection.status).toBe('idle')
  })
})

describe('several accounts', () => {
  it('switchAccount makes another logged-in account current', async () => {
    relay = createMemoryRelay()
    wallet = createWallet({ url: relay.url, WebSocket: relay.WebSocket, accounts: ['alice', 'bob'] })
    const { client } = makeClient()
    for (const account of ['alice', 'bob']) await authenticate(client, { account, onWait: (p) => void wallet.scan(p.deepLink) })
    expect(client.getSession()?.account).toBe('bob')
    client.switchAccount('alice')
    expect(client.getSession()?.account).toBe('alice')
    expect(() => client.switchAccount('carol')).toThrow(/not logged in/)
  })
})
