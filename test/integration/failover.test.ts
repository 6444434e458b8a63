import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { type RunningRelay, startRelay } from '../../src/devkit/server'
import { createWallet, type Wallet } from '../../src/devkit/wallet'
import { FAKE_CLOCK, until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  vi.useRealTimers()
  for (const step of cleanup.splice(0).reverse()) await step()
})

/** Two relays, a wallet for alice on A and one for bob on B. */
async function twoRelays() {
  const a = await startRelay()
  const b = await startRelay()
  const alice = createWallet({ url: a.url, accounts: ['alice'], decision: 'manual' })
  const bob = createWallet({ url: b.url, accounts: ['bob'] })
  await Promise.all([alice.connect(), bob.connect()])
  cleanup.push(
    () => b.close(),
    () => a.close(),
    () => alice.close(),
    () => bob.close(),
  )
  return { a, b, alice, bob }
}

/** Kills relay A and puts a black hole on its port: connections are accepted and never greeted. */
async function blackHole(relay: RunningRelay): Promise<{ connections: () => number }> {
  await relay.close()
  const sockets: Socket[] = []
  const server: Server = createServer((socket) => void sockets.push(socket))
  await new Promise<void>((resolve) => server.listen(relay.port, '127.0.0.1', resolve))
  cleanup.push(() => {
    for (const s of sockets) s.destroy()
    return new Promise((resolve) => server.close(resolve))
  })
  return { connections: () => sockets.length }
}

function client(hosts: string[], storage = createMemoryStorage()): HasClient {
  const c = createHasClient({ app: { name: 'failover' }, hosts, storage, connectTimeoutMs: 4000, reconnectDelaysMs: [50] })
  cleanup.push(() => c.close())
  return c
}

const scanWith = (wallet: Wallet) => (p: { deepLink: string }) => void wallet.scan(p.deepLink).catch(() => {})

describe('a dead relay never blocks the next one', () => {
  it('while a waiting request re-attaches to a relay that now swallows connections, a new login uses the next host', async () => {
    const { a, b, alice, bob } = await twoRelays()
    const c = client([a.url, b.url])
    const waiting = authenticate(c, { account: 'alice', onWait: scanWith(alice) }).catch((e: unknown) => e)
    await until(() => alice.pending().length === 1)
    const hole = await blackHole(a)
    await until(() => hole.connections() > 0) // the re-attach is now stuck in a connection attempt to A
    expect(c.getState().connection.status).toBe('reconnecting')

    // On a fake clock: a login that tried A first would wait out A's 4 s connect timeout before B.
    vi.useFakeTimers(FAKE_CLOCK)
    const started = Date.now()
    let session: Awaited<ReturnType<typeof authenticate>> | undefined
    void authenticate(c, { account: 'bob', onWait: scanWith(bob) }).then((s) => (session = s))
    await until(
      () => session !== undefined,
      5000,
      () => vi.advanceTimersByTimeAsync(5),
    )
    expect(Date.now() - started).toBeLessThan(1000)
    expect(session!.host).toBe(b.url)
    expect(c.getState().sessions.map((s) => s.account)).toEqual(['bob'])
    expect(c.getState().requests.find((r) => r.account === 'alice')?.status).toBe('reconnecting')
    c.cancel()
    await waiting
  })

  it('after a reload with a stale waiting record on a dead relay, a new login uses the next host', async () => {
    const { a, b, alice, bob } = await twoRelays()
    const storage = createMemoryStorage()
    const before = client([a.url, b.url], storage)
    void authenticate(before, { account: 'alice', onWait: scanWith(alice) }).catch(() => {})
    await until(() => alice.pending().length === 1)
    const hole = await blackHole(a)
    const after = client([a.url, b.url], storage) // the reloaded page takes the waiting login over
    await until(() => after.getState().requests.length > 0) // once the runner's code has loaded
    expect(after.getState().requests).toMatchObject([{ account: 'alice', status: 'reconnecting' }])
    await until(() => hole.connections() > 0)

    const session = await authenticate(after, { account: 'bob', onWait: scanWith(bob) })
    expect(session.host).toBe(b.url)
  })
})
