import { createServer } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createHasClient } from '../../src/core/client/createHasClient'
import { encryptPayload } from '../../src/core/crypto/aes'
import { HasConnectionError } from '../../src/core/errors/HasConnectionError'
import { HasExpiredError } from '../../src/core/errors/HasExpiredError'
import { HasProtocolVersionError } from '../../src/core/errors/HasProtocolVersionError'
import { parseAuthLink } from '../../src/core/protocol/links'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { startRelay, type RunningRelay } from '../../src/devkit/server'
import { createHarness, type Harness } from '../support/devkitHarness'
import { until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'
import { sign } from '../../src/core/actions/sign'

let h: Harness | undefined
const extra: RunningRelay[] = []
afterEach(async () => {
  await h?.close()
  h = undefined
  await Promise.all(extra.splice(0).map((r) => r.close()))
})

const vote = [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 1 }]] as [string, Record<string, unknown>][]
const sent = (h: Harness, cmd: string) =>
  h.frames.filter((f) => f.direction === 'in' && JSON.parse(f.text).cmd === cmd).map((f) => JSON.parse(f.text))

/** A port on 127.0.0.1 that nothing listens on. */
async function deadPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as { port: number }).port
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

describe('connection', () => {
  it('fails over to the next host, and the deep link names the host actually connected', async () => {
    h = await createHarness()
    const dead = `ws://127.0.0.1:${await deadPort()}`
    const client = createHasClient({ app: { name: 'x' }, hosts: [dead, h.server.url + '/'], storage: createMemoryStorage() })
    let link = ''
    const session = await authenticate(client, {
      account: 'alice',
      onWait: (p) => {
        link = p.deepLink
        void h!.wallet.scan(p.deepLink)
      },
    })
    expect(parseAuthLink(link).host).toBe(h.server.url)
    expect(session.host).toBe(h.server.url)
    expect(client.getState().connection).toMatchObject({ status: 'connected', host: h.server.url, protocol: 1 })
    client.close()
  })

  it('rejects with HasConnectionError when no host answers', async () => {
    const client = createHasClient({ app: { name: 'x' }, hosts: [`ws://127.0.0.1:${await deadPort()}`], storage: createMemoryStorage() })
    await expect(authenticate(client, { account: 'alice' })).rejects.toBeInstanceOf(HasConnectionError)
    client.close()
  })

  it('skips a relay speaking protocol 2, and rejects with HasProtocolVersionError when all do', async () => {
    const future = await startRelay({ protocol: 2 })
    extra.push(future)
    h = await createHarness()
    const mixed = createHasClient({ app: { name: 'x' }, hosts: [future.url, h.server.url], storage: createMemoryStorage() })
    await mixed.connect()
    expect(mixed.getState().connection.host).toBe(h.server.url)
    mixed.close()
    const only = createHasClient({ app: { name: 'x' }, hosts: [future.url], storage: createMemoryStorage() })
    await expect(only.connect()).rejects.toBeInstanceOf(HasProtocolVersionError)
    only.close()
  })

  it('accepts a 0.8 relay and one whose connected frame has no timeout', async () => {
    const old = await startRelay({
      protocol: 0.8,
      intercept: (m) => (m.cmd === 'connected' ? { cmd: 'connected', protocol: 0.8 } : m),
    })
    extra.push(old)
    const client = createHasClient({ app: { name: 'x' }, hosts: [old.url], storage: createMemoryStorage() })
    await client.connect()
    expect(client.getState().connection).toMatchObject({ protocol: 0.8, timeout: 60 })
    client.close()
  })
})

describe('drop, reconnect, attach', () => {
  it('a socket drop while waiting reconnects, attaches, and the late answer still resolves', async () => {
    h = await createHarness({ wallet: { decision: 'manual' } })
    const statuses: string[] = []
    h.client.subscribe((s) => statuses.push(s.requests[0]?.status ?? '-'))
    let uuid = ''
    const login = h.login('alice', { onWait: (p) => (uuid = p.uuid) })
    await until(() => h!.wallet.pending().length === 1)
    expect(h.server.relay.dropApp(uuid)).toBe(true)
    await until(() => statuses.includes('reconnecting'))
    h.wallet.approve(uuid) // answered while the dApp is away: the relay stores it
    const session = await login
    expect(session.account).toBe('alice')
    expect(sent(h, 'attach_req')).toEqual([{ cmd: 'attach_req', uuid }])
    expect(statuses).toContain('waiting')
    expect(statuses.indexOf('reconnecting')).toBeGreaterThan(statuses.indexOf('waiting'))
  })

  it('resume() forces a fresh socket and re-attaches a waiting request', async () => {
    h = await createHarness({ wallet: { decision: 'manual' } })
    let uuid = ''
    const login = h.login('alice', { onWait: (p) => (uuid = p.uuid) })
    await until(() => h!.wallet.pending().length === 1)
    h.client.resume()
    await until(() => sent(h!, 'attach_req').length === 1)
    h.wallet.approve(uuid)
    await expect(login).resolves.toMatchObject({ account: 'alice' })
  })

  it('attach_nack (the relay forgot the request) ends it with HasExpiredError', async () => {
    h = await createHarness({
      relay: { intercept: (m) => (m.cmd === 'attach_ack' ? { cmd: 'attach_nack', uuid: m.uuid } : m) },
      wallet: { decision: 'manual' },
    })
    let uuid = ''
    const login = h.login('alice', { onWait: (p) => (uuid = p.uuid) })
    await until(() => h!.wallet.pending().length === 1)
    h.server.relay.dropApp(uuid)
    await expect(login).rejects.toBeInstanceOf(HasExpiredError)
  })

  it('a drop before the relay acknowledged the request fails it as retryable, not silently', async () => {
    h = await createHarness({ relay: { intercept: (m) => (m.cmd === 'auth_wait' ? null : m) } })
    const login = authenticate(h.client, { account: 'alice' })
    await until(() => sent(h!, 'auth_req').length === 1)
    await h.server.close()
    const error = await login.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasConnectionError)
    expect((error as HasConnectionError).retryable).toBe(true)
  })
})

describe('matching and forgery', () => {
  it('a forged auth_ack (wrong key) and a forged nack are ignored; the real answer wins', async () => {
    h = await createHarness({ wallet: { decision: 'manual' } })
    let uuid = ''
    const login = h.login('alice', { onWait: (p) => (uuid = p.uuid) })
    await until(() => h!.wallet.pending().length === 1)
    h.server.relay.injectToApp(uuid, { cmd: 'auth_ack', uuid, data: encryptPayload({ expire: Date.now() + 1e9 }, 'attacker-key') })
    h.server.relay.injectToApp(uuid, { cmd: 'auth_nack', uuid, data: encryptPayload(uuid, 'attacker-key') })
    h.server.relay.injectToApp(uuid, { cmd: 'auth_ack', uuid: 'someone-else', data: 'U2FsdGVkX1' })
    await new Promise((r) => setTimeout(r, 50))
    expect(h.client.getState().requests[0]?.status).toBe('waiting')
    expect(h.client.getState().sessions).toEqual([])
    h.wallet.approve(uuid)
    await expect(login).resolves.toMatchObject({ account: 'alice' })
  })

  it('concurrent logins for two accounts each get their own uuid, key and answer', async () => {
    h = await createHarness()
    const links: string[] = []
    const both = await Promise.all(['alice', 'bob'].map((a) => h!.login(a, { onWait: (p) => links.push(p.deepLink) })))
    expect(both.map((s) => s.account)).toEqual(['alice', 'bob'])
    expect(both[0]!.key).not.toBe(both[1]!.key)
    const payloads = links.map(parseAuthLink)
    expect(new Set(payloads.map((p) => p.uuid)).size).toBe(2)
    for (const s of both) expect(payloads.find((p) => p.account === s.account)?.key).toBe(s.key)
    expect(
      h.client
        .getState()
        .sessions.map((s) => s.account)
        .sort(),
    ).toEqual(['alice', 'bob'])
  })

  it('auth_waits delivered out of order are still matched to the right account (by the account they name)', async () => {
    let held: Record<string, unknown> | undefined
    h = await createHarness({
      wallet: { decision: 'ignore' },
      relay: {
        intercept: (m) => {
          if (m.cmd !== 'auth_wait') return m
          if (!held) {
            held = m
            return null
          }
          return [m, held] // the second wait first, then the first
        },
      },
    })
    const seen: { account: string; uuid: string }[] = []
    const a = authenticate(h.client, { account: 'alice', onWait: (p) => seen.push(p) }).catch(() => {})
    const b = authenticate(h.client, { account: 'bob', onWait: (p) => seen.push(p) }).catch(() => {})
    await until(() => seen.length === 2)
    expect(seen.map((p) => p.account)).toEqual(['bob', 'alice'])
    const relayView = h.server.relay.requests()
    for (const p of seen) expect(relayView.find((r) => r.uuid === p.uuid)?.account).toBe(p.account)
    h.client.cancel()
    await Promise.all([a, b])
  })

  it('every fresh login uses a new uuid-v4 auth_key', async () => {
    h = await createHarness()
    const first = await h.login()
    const second = await h.login()
    expect(first.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(second.key).not.toBe(first.key)
    expect(h.client.getState().sessions).toHaveLength(1)
  })
})

describe('what goes over the wire', () => {
  it('nonces strictly increase across sign and challenge, and the Keychain token is sent back', async () => {
    h = await createHarness({ wallet: { profile: 'keychain' } })
    const session = await h.login()
    await Promise.all([
      sign(h.client, { account: 'alice', keyType: 'posting', ops: vote }),
      // Another vote: the same one twice in one block is a duplicate transaction on Hive (and on the devkit node).
      sign(h.client, { account: 'alice', keyType: 'posting', ops: [['vote', { ...vote[0]![1], permlink: 'q' }]] }),
      challenge(h.client, { account: 'alice', keyType: 'posting', message: 'm' }),
    ])
    const requests = [...sent(h, 'sign_req'), ...sent(h, 'challenge_req')]
    expect(requests.every((r) => r.token === session.token)).toBe(true)
    const { decryptPayload } = await import('../../src/core/crypto/aes')
    const nonces = h.frames
      .filter((f) => f.direction === 'in' && /"cmd":"(sign|challenge)_req"/.test(f.text))
      .map((f) => (decryptPayload(JSON.parse(f.text).data, session.key) as { nonce: number }).nonce)
    expect(nonces).toHaveLength(3)
    for (let i = 1; i < nonces.length; i++) expect(nonces[i]!).toBeGreaterThan(nonces[i - 1]!)
  })

  it('the relay never sees an auth_key or a plaintext payload in any frame of full flows', async () => {
    h = await createHarness()
    const secretChallenge = 'secret-challenge-text-4711'
    const session = await h.login('alice', { challenge: { keyType: 'posting', message: secretChallenge } })
    await sign(h.client, {
      account: 'alice',
      keyType: 'posting',
      ops: [['custom_json', { id: 'plaintext-op-marker', json: '{}', required_auths: [], required_posting_auths: ['alice'] }]],
    })
    await challenge(h.client, { account: 'alice', keyType: 'posting', message: 'another-plaintext-marker' })
    const all = h.frames.map((f) => f.text).join('\n')
    expect(h.frames.length).toBeGreaterThan(15)
    for (const secret of [session.key, secretChallenge, 'plaintext-op-marker', 'another-plaintext-marker', 'Devkit test dApp']) {
      expect(all).not.toContain(secret)
    }
  })
})
