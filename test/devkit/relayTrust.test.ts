import { afterEach, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { encryptPayload } from '../../src/core/crypto/aes'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { encodeMemo } from '../../src/devkit/memo'
import { type RunningRelay, startRelay, type StartRelayOptions } from '../../src/devkit/server'
import { createWallet } from '../../src/devkit/wallet'
import { authenticate } from '../../src/core/actions/authenticate'
import { createHasClient } from '../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { MEMO_VECTORS } from '../fixtures/memoVectors'
import { FAKE_CLOCK, settle, until } from '../support/until'

// The devkit relay as the HAS behaves: a wallet proves a key of the account before it may register for it, only the
// account's registered socket may answer for it, and one socket cannot make it hold unbounded memory.

const open: { close(): unknown }[] = []
afterEach(async () => {
  vi.useRealTimers()
  for (const thing of open.splice(0).reverse()) await thing.close()
})

async function relay(options: StartRelayOptions = {}): Promise<RunningRelay> {
  const running = await startRelay(options)
  open.push(running)
  return running
}

/** A raw socket that records every frame it receives. */
async function rawSocket(url: string) {
  const ws = new WebSocket(url)
  const received: Record<string, unknown>[] = []
  ws.on('message', (raw) => received.push(JSON.parse(raw.toString())))
  await until(() => received.some((f) => f.cmd === 'connected'))
  open.push({ close: () => ws.terminate() })
  return {
    ws,
    received,
    send: (frame: Record<string, unknown>) => ws.send(JSON.stringify(frame)),
    /** The relay's public key, asked as a PKSA does. */
    async serverKey(): Promise<string> {
      ws.send(JSON.stringify({ cmd: 'key_req' }))
      await until(() => received.some((f) => f.cmd === 'key_ack'))
      return String(received.find((f) => f.cmd === 'key_ack')!.key)
    },
  }
}

const alice = createDevkitAccount('alice')
const bob = createDevkitAccount('bob')

describe('proof of key on registration', () => {
  it('a registration without a proof, with another account’s key, or with a stale time is refused', async () => {
    const r = await relay()
    const pksa = await rawSocket(r.url)
    const server = await pksa.serverKey()
    const attempts = [
      { name: 'alice' },
      { name: 'alice', pok: encodeMemo(bob.keys.memo!, server, `#${Date.now()}`) },
      { name: 'alice', pok: encodeMemo(alice.keys.memo!, server, `#${Date.now() - 60_000}`) },
      { name: 'alice', pok: 'not a memo' },
    ]
    for (const account of attempts) pksa.send({ cmd: 'register_req', app: 'x', accounts: [account] })
    await until(() => pksa.received.filter((f) => f.cmd === 'error').length === attempts.length)
    expect(pksa.received.filter((f) => f.cmd === 'error').map((f) => f.error)).toEqual(attempts.map(() => 'invalid proof of key for alice'))
    expect(r.relay.registered('alice')).toBe(0)
    pksa.send({ cmd: 'register_req', app: 'x', accounts: [{ name: 'alice', pok: encodeMemo(alice.keys.posting!, server, `##${Date.now()}`) }] })
    await until(() => pksa.received.some((f) => f.cmd === 'register_ack'))
    expect(r.relay.registered('alice')).toBe(1)
  })

  it('the official PKSA’s proof (hive-js/dhive memo of the time, memo key) passes', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_700_000_000_000 + 3_000) // the vector encrypts 1700000000000: three seconds ago
    const r = await relay()
    const pksa = await rawSocket(r.url)
    expect(await pksa.serverKey()).toBe(MEMO_VECTORS.relayPublic)
    pksa.send({ cmd: 'register_req', app: 'hive-auth-pksa', accounts: [{ name: 'alice', pok: MEMO_VECTORS.registrationMemo }] })
    await until(() => pksa.received.some((f) => f.cmd === 'register_ack' || f.cmd === 'error'))
    expect(pksa.received.filter((f) => f.cmd === 'register_ack' || f.cmd === 'error')).toEqual([{ cmd: 'register_ack', account: 'alice' }])
  })

  it.each(['docs-v1', 'keychain', 'hiveauth-mobile', 'pksa-service'] as const)('the %s simulator proves its keys and registers', async (profile) => {
    const r = await relay()
    const wallet = createWallet({ url: r.url, accounts: ['alice'], profile })
    open.push(wallet)
    await wallet.connect()
    expect(r.relay.registered('alice')).toBe(1)
  })
})

describe('who may answer', () => {
  it('only the socket registered for the account answers its requests; a registration goes with its socket', async () => {
    const r = await relay()
    const wallet = createWallet({ url: r.url, accounts: ['alice'], decision: 'manual' })
    open.push(wallet)
    await wallet.connect()
    const stranger = await rawSocket(r.url)
    const server = await stranger.serverKey()
    stranger.send({ cmd: 'register_req', app: 'x', accounts: [{ name: 'bob', pok: encodeMemo(bob.keys.memo!, server, `#${Date.now()}`) }] })
    await until(() => stranger.received.some((f) => f.cmd === 'register_ack'))
    const app = await rawSocket(r.url)
    const key = 'k-e-y'
    app.send({ cmd: 'auth_req', account: 'alice', data: encryptPayload({ app: { name: 'x' } }, key) })
    await until(() => app.received.some((f) => f.cmd === 'auth_wait'))
    const uuid = String(app.received.find((f) => f.cmd === 'auth_wait')!.uuid)
    stranger.send({ cmd: 'auth_ack', uuid, data: encryptPayload({ expire: Date.now() + 1e6 }, key) }) // bob's wallet, for alice
    stranger.send({ cmd: 'auth_nack', uuid, data: encryptPayload(uuid, key) })
    await settle(50)
    expect(app.received.filter((f) => String(f.cmd).startsWith('auth_') && f.cmd !== 'auth_wait')).toEqual([])
    wallet.close()
    await until(() => r.relay.registered('alice') === 0)
  })
})

describe('who receives the answer', () => {
  it('a stranger that attaches with the uuid off the QR code gets a copy; the app that asked still gets its login', async () => {
    const r = await relay()
    const wallet = createWallet({ url: r.url, accounts: ['alice'], decision: 'manual' })
    open.push(wallet)
    await wallet.connect()
    const client = createHasClient({ app: { name: 'Attach test' }, hosts: [r.url], storage: createMemoryStorage() })
    open.push(client)
    const stranger = await rawSocket(r.url)
    let uuid = ''
    const login = authenticate(client, {
      account: 'alice',
      onWait: (pending) => {
        uuid = pending.uuid
        void wallet.scan(pending.deepLink)
      },
    })
    await until(() => Boolean(uuid) && wallet.pending().length === 1)
    stranger.send({ cmd: 'attach_req', uuid })
    await until(() => stranger.received.some((f) => f.cmd === 'attach_ack'))
    wallet.approve(uuid)
    const outcome = await Promise.race([login, settle(3000).then(() => 'still waiting')])
    expect(outcome).toMatchObject({ account: 'alice' })
    await until(() => stranger.received.some((f) => f.cmd === 'auth_ack'))
    expect(r.relay.requests().find((q) => q.uuid === uuid)).toMatchObject({ answered: true, appConnected: true })
  })
})

describe('a relay that holds up', () => {
  it('one socket flooding 200 KiB frames and hundreds of requests leaves the relay with bounded memory, and it still serves', async () => {
    const r = await relay()
    const flood = await rawSocket(r.url)
    const big = 'A'.repeat(200 * 1024)
    const medium = 'B'.repeat(60 * 1024)
    for (let i = 0; i < 20; i++) flood.send({ cmd: 'auth_req', account: 'alice', data: big })
    for (let i = 0; i < 300; i++) flood.send({ cmd: 'auth_req', account: 'alice', data: medium })
    await until(() => flood.received.filter((f) => f.cmd === 'error' || f.cmd === 'auth_wait').length === 320, 10_000)
    const errors = flood.received.filter((f) => f.cmd === 'error').map((f) => f.error)
    expect(errors.filter((e) => e === 'frame too large')).toHaveLength(20)
    expect(errors.filter((e) => e === 'too many pending requests on this socket')).toHaveLength(300 - 64)
    expect(r.relay.requests()).toHaveLength(64)
    expect(r.relay.heldChars()).toBeLessThanOrEqual(64 * 61 * 1024)
    const wallet = createWallet({ url: r.url, accounts: ['bob'] })
    open.push(wallet)
    await wallet.connect()
    expect(r.relay.registered('bob')).toBe(1)
  })

  it('a peer that stops answering pings (half-open, or stuck mid-frame) is dropped with its registrations', async () => {
    vi.useFakeTimers({ ...FAKE_CLOCK, toFake: ['setInterval', 'clearInterval'] })
    const r = await relay({ pingIntervalMs: 30_000 })
    const wallet = createWallet({ url: r.url, accounts: ['alice'] })
    open.push(wallet)
    await wallet.connect()
    const silent = await rawSocket(r.url)
    const server = await silent.serverKey()
    silent.send({ cmd: 'register_req', app: 'x', accounts: [{ name: 'alice', pok: encodeMemo(alice.keys.memo!, server, `#${Date.now()}`) }] })
    await until(() => r.relay.registered('alice') === 2)
    ;(silent.ws as unknown as { _socket: { pause(): void } })._socket.pause() // it reads nothing more: no pong
    await vi.advanceTimersByTimeAsync(30_000)
    await settle(50)
    await vi.advanceTimersByTimeAsync(30_000)
    await until(() => r.relay.registered('alice') === 1)
  })
})
