import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHasClient, type HasClient } from '../../../src/core/client/createHasClient'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { HasSessionExpiredError } from '../../../src/core/errors/HasSessionExpiredError'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import { readStoredState, STORAGE_KEY } from '../../../src/core/storage/sessionRecords'
import { createMemoryRelay, type MemoryRelay } from '../../../src/devkit/memory'
import { createWallet, type Wallet } from '../../../src/devkit/wallet'
import { FAKE_CLOCK, until } from '../../support/until'
import { authenticate } from '../../../src/core/actions/authenticate'
import { challenge } from '../../../src/core/actions/challenge'
import { sign } from '../../../src/core/actions/sign'

let relay: MemoryRelay
let wallet: Wallet
const clients: HasClient[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const c of clients.splice(0)) c.close()
  wallet?.close()
  relay?.close()
})

function setup(sessionMs = 60_000) {
  relay = createMemoryRelay()
  wallet = createWallet({ url: relay.url, WebSocket: relay.WebSocket, accounts: ['alice', 'bob'], sessionMs })
  const storage = createMemoryStorage()
  const make = () => {
    const client = createHasClient({ app: { name: 'Sessions' }, hosts: [relay.url], WebSocket: relay.WebSocket, storage })
    clients.push(client)
    return client
  }
  const login = (client: HasClient, account: string) => authenticate(client, { account, onWait: (p) => void wallet.scan(p.deepLink) })
  return { storage, make, login }
}

describe('sessions', () => {
  it('persist, restore in a new client, and hold no private key', async () => {
    const { storage, make, login } = setup()
    await login(make(), 'alice')
    await login(clients[0]!, 'bob')
    const restored = make()
    expect(restored.getState().sessions.map((s) => s.account)).toEqual(['bob', 'alice'])
    expect(restored.getSession()?.account).toBe('bob')
    const stored = storage.getItem(STORAGE_KEY)!
    for (const account of wallet.accounts)
      for (const key of Object.values(account.keys)) expect(stored).not.toContain(Buffer.from(key).toString('hex'))
    const tx = await sign(restored, {
      account: 'alice',
      keyType: 'posting',
      ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'hello-world', weight: 10000 }]],
    })
    expect(tx.txid).toBeTruthy()
  })

  it('logout forgets one account or all, in storage too', async () => {
    const { storage, make, login } = setup()
    const client = make()
    await login(client, 'alice')
    await login(client, 'bob')
    client.logout('Alice')
    expect(client.getState().sessions.map((s) => s.account)).toEqual(['bob'])
    client.logout()
    expect(client.getState().sessions).toEqual([])
    expect(readStoredState(storage, Date.now())?.sessions).toEqual([])
    // What stays: the logged-out keys, so that no tab writing an older list can log them back in.
    expect(readStoredState(storage, Date.now())?.removed).toHaveLength(2)
  })

  it('drop when they expire, and then signing says not authenticated', async () => {
    vi.useFakeTimers(FAKE_CLOCK)
    const { make, login } = setup(300_000)
    const client = make()
    const session = login(client, 'alice')
    await until(
      () => client.getState().sessions.length === 1,
      5000,
      () => vi.advanceTimersByTimeAsync(1),
    )
    await session
    const changes: number[] = []
    client.subscribe((s) => changes.push(s.sessions.length))
    await vi.advanceTimersByTimeAsync(299_000)
    expect(changes).toEqual([])
    await vi.advanceTimersByTimeAsync(2_000)
    expect(changes).toEqual([0])
    expect(client.getSession('alice')).toBeUndefined()
    await expect(sign(client, { account: 'alice', keyType: 'posting', ops: [['vote', {}]] })).rejects.toMatchObject({ code: 'not_authenticated' })
  })

  it('a session restored just before it expires is refused with HasSessionExpiredError', async () => {
    const { storage, make } = setup()
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions: [{ account: 'alice', key: 'k', host: relay.url, expire: Date.now() + 50 }] }))
    const client = make()
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 100 })
    await expect(sign(client, { account: 'alice', keyType: 'posting', ops: [['vote', {}]] })).rejects.toBeInstanceOf(HasSessionExpiredError)
  })
})

describe('misuse', () => {
  it('throws at once without app.name or hosts', () => {
    expect(() => createHasClient({ app: { name: '' } })).toThrow(/app.name/)
    expect(() => createHasClient({ app: { name: 'x' }, hosts: [] })).toThrow(HasInvalidArgumentError)
    expect(() => createHasClient({ app: { name: 'x' }, hosts: ['nope'] })).toThrow(HasInvalidArgumentError)
  })

  it('rejects bad arguments with typed errors, before anything is sent', async () => {
    const { make, login } = setup()
    const client = make()
    await expect(authenticate(client, { account: 'Not Valid!' })).rejects.toBeInstanceOf(HasInvalidArgumentError)
    await expect(authenticate(client, { account: 'alice', challenge: { keyType: 'owner' as 'posting', message: 'x' } })).rejects.toBeInstanceOf(
      HasInvalidArgumentError,
    )
    expect(relay.relay.requests()).toHaveLength(0)
    await login(client, 'alice')
    await expect(sign(client, { account: 'alice', keyType: 'posting', ops: [] })).rejects.toBeInstanceOf(HasInvalidArgumentError)
    await expect(sign(client, { account: 'alice', keyType: 'memo' as 'posting', ops: [['vote', {}]] })).rejects.toBeInstanceOf(
      HasInvalidArgumentError,
    )
    await expect(challenge(client, { account: 'alice', keyType: 'posting', message: '' })).rejects.toBeInstanceOf(HasInvalidArgumentError)
    expect(relay.relay.requests().map((r) => r.kind)).toEqual(['auth'])
  })

  it('close() settles every live request', async () => {
    const { make } = setup()
    wallet.setDecision('ignore')
    const client = make()
    const pending = authenticate(client, { account: 'alice' })
    await client.connect()
    client.close()
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' })
    await expect(authenticate(client, { account: 'alice' })).rejects.toMatchObject({ code: 'cancelled' })
  })
})
