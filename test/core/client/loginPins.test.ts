import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import { authenticate } from '../../../src/core/actions/authenticate'
import { createHasClient, type HasClient } from '../../../src/core/client/createHasClient'
import { HasCancelledError } from '../../../src/core/errors/HasCancelledError'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import type { WebSocketConstructor } from '../../../src/core/types'
import { createHarness, type Harness } from '../../support/devkitHarness'
import { startScriptedRelay } from '../../support/scriptedRelay'
import { FAKE_CLOCK, settle, until } from '../../support/until'

// A login's path pinned where a mutation run over the client found it loose: which request a `*_wait` belongs to when
// two are in flight on one socket, a login check that stops when its login does, and re-attach attempts that stop
// when nothing waits any more. Over real sockets on 127.0.0.1.

let h: Harness | undefined
const clients: HasClient[] = []
afterEach(async () => {
  vi.useRealTimers()
  for (const client of clients.splice(0)) client.close()
  await h?.close()
  h = undefined
})

describe('a *_wait goes to its own request', () => {
  async function twoLogins() {
    const relay = await startScriptedRelay({ holdWaits: true })
    const client = createHasClient({ app: { name: 'x' }, hosts: [relay.url], storage: createMemoryStorage() })
    clients.push(client)
    void authenticate(client, { account: 'alice' }).catch(() => {})
    void authenticate(client, { account: 'bob' }).catch(() => {})
    await until(() => relay.received.filter((f) => f.cmd === 'auth_req').length === 2)
    const pendingOf = (account: string) => client.getState().requests.find((r) => r.account === account)?.pending?.uuid
    return { relay, pendingOf }
  }
  const wait = (uuid: string, account?: string) => ({ cmd: 'auth_wait', uuid, expire: Date.now() + 60_000, ...(account ? { account } : {}) })

  it('by the account the relay names, whatever the order', async () => {
    const { relay, pendingOf } = await twoLogins()
    try {
      relay.send(wait('uuid-bob', 'bob'))
      relay.send(wait('uuid-alice', 'alice'))
      await until(() => pendingOf('alice') !== undefined && pendingOf('bob') !== undefined)
      expect([pendingOf('alice'), pendingOf('bob')]).toEqual(['uuid-alice', 'uuid-bob'])
    } finally {
      await relay.close()
    }
  })

  it('else to the oldest request sent on that socket', async () => {
    const { relay, pendingOf } = await twoLogins()
    try {
      relay.send(wait('uuid-first'))
      await until(() => pendingOf('alice') !== undefined)
      expect([pendingOf('alice'), pendingOf('bob')]).toEqual(['uuid-first', undefined])
    } finally {
      await relay.close()
    }
  })
})

describe('a login check ends with its login', () => {
  /** A Hive node that never answers, recording each call's signal. */
  function hungNode() {
    const signals: AbortSignal[] = []
    const fetch = ((_url: string, init: RequestInit) => {
      signals.push(init.signal!)
      return new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(new Error('aborted'))))
    }) as unknown as typeof globalThis.fetch
    return { signals, fetch }
  }

  it('cancelled while it verifies: the nodes are no longer asked', async () => {
    const node = hungNode()
    h = await createHarness({ client: { chain: { nodes: ['https://hung.example'], fetch: node.fetch } } })
    const login = h.login('alice', { verify: true }).catch((e: unknown) => e)
    await until(() => h!.client.getState().requests[0]?.status === 'verifying' && node.signals.length > 0)
    h.client.cancel(h.client.getState().requests[0]!.id)
    expect(await login).toBeInstanceOf(HasCancelledError)
    expect(node.signals.every((s) => s.aborted)).toBe(true)
  })

  it('out of time while it verifies: the same', async () => {
    const node = hungNode()
    h = await createHarness({ client: { chain: { nodes: ['https://hung.example'], fetch: node.fetch } } })
    vi.useFakeTimers(FAKE_CLOCK)
    const tick = () => vi.advanceTimersByTimeAsync(5)
    const login = h.login('alice', { verify: true, verifyTimeoutMs: 1000 }).catch((e: unknown) => e)
    await until(() => h!.client.getState().requests[0]?.status === 'verifying' && node.signals.length > 0, 5000, tick)
    await vi.advanceTimersByTimeAsync(1001)
    expect(await login).toMatchObject({ code: 'verification' })
    expect(node.signals.every((s) => s.aborted)).toBe(true)
  })
})

describe('re-attaching stops when nothing waits', () => {
  it('a login cancelled while its relay is away: no more attempts to reach it', async () => {
    const relay = await startScriptedRelay()
    let sockets = 0
    class CountingSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args)
        sockets++
      }
    }
    const client = createHasClient({
      app: { name: 'x' },
      hosts: [relay.url],
      storage: createMemoryStorage(),
      WebSocket: CountingSocket as unknown as WebSocketConstructor,
      reconnectDelaysMs: [100, 100, 100],
    })
    clients.push(client)
    vi.useFakeTimers(FAKE_CLOCK)
    const tick = () => vi.advanceTimersByTimeAsync(5)
    const login = authenticate(client, { account: 'alice' }).catch((e: unknown) => e)
    await until(() => client.getState().requests[0]?.status === 'waiting', 5000, tick)
    await relay.close() // the relay goes away: the login waits on, re-attaching
    await until(() => client.getState().requests[0]?.status === 'reconnecting', 5000, tick)
    await until(() => sockets >= 3, 5000, tick)
    client.cancel(client.getState().requests[0]!.id)
    expect(await login).toBeInstanceOf(HasCancelledError)
    await settle(50)
    const after = sockets
    for (let i = 0; i < 20; i++) await vi.advanceTimersByTimeAsync(100)
    await settle(50)
    expect(sockets).toBe(after)
  })
})

describe('a relay that lost the request', () => {
  it('says so, not "timed out", however much time was left', async () => {
    const relay = await startScriptedRelay()
    const client = createHasClient({ app: { name: 'x' }, hosts: [relay.url], storage: createMemoryStorage(), reconnectDelaysMs: [10, 10, 10] })
    clients.push(client)
    try {
      const login = authenticate(client, { account: 'alice' }).catch((e: unknown) => e)
      await until(() => client.getState().requests[0]?.status === 'waiting')
      relay.drop() // it restarts: the socket goes, and with it what it held
      await until(() => relay.received.some((f) => f.cmd === 'attach_req'))
      const { uuid } = relay.received.find((f) => f.cmd === 'attach_req')!
      relay.send({ cmd: 'attach_nack', uuid })
      expect(await login).toMatchObject({ code: 'expired', hint: 'relay_lost' })
    } finally {
      await relay.close()
    }
  })
})
