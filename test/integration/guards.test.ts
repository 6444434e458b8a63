import { afterEach, describe, expect, it } from 'vitest'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { encryptPayload } from '../../src/core/crypto/aes'
import { MAX_SESSION_MS } from '../../src/core/protocol/constants'
import { parseAuthLink } from '../../src/core/protocol/links'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import { startScriptedRelay } from '../support/scriptedRelay'
import { settle, until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'

// Guards of the client that a hostile relay meets, each pinned by what it prevents (relays driven by hand, 127.0.0.1).

const cleanup: (() => unknown)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

async function relay(options?: Parameters<typeof startScriptedRelay>[0]) {
  const r = await startScriptedRelay(options)
  cleanup.push(() => r.close())
  return r
}

function client(hosts: string[], storage = createMemoryStorage()): HasClient {
  const c = createHasClient({ app: { name: 'guards' }, hosts, storage })
  cleanup.push(() => c.close())
  return c
}

/** Starts a login and returns its key and uuid once the relay has said wait. */
async function waitingLogin(c: HasClient, account = 'alice') {
  let link = ''
  const login = authenticate(c, { account, onWait: (p) => (link = p.deepLink) })
  const outcome = login.catch((e: unknown) => e)
  await until(() => link !== '')
  const { key, uuid } = parseAuthLink(link)
  return { login, outcome, key, uuid }
}

describe('guards against a hostile relay', () => {
  it('an answer counts only from the relay the request lives on', async () => {
    const a = await relay({ uuid: (n) => `a-${n}` })
    const b = await relay({ uuid: (n) => `b-${n}` })
    const storage = createMemoryStorage()
    // bob's session lives on B, so a request of his opens a socket there too.
    const bob = { account: 'bob', key: 'bob-key', expire: Date.now() + 3_600_000, host: b.url }
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions: [bob] }))
    const c = client([a.url, b.url], storage)
    const { login, key, uuid } = await waitingLogin(c)
    void challenge(c, { account: 'bob', keyType: 'posting', message: 'open a socket to B' }).catch(() => {})
    await until(() => b.received.some((f) => f.cmd === 'challenge_req'))
    const approval = { cmd: 'auth_ack', uuid, data: encryptPayload({ expire: Date.now() + 3_600_000 }, key) }
    b.send(approval) // a genuine answer, but from B: A holds this request
    await settle(50)
    expect(c.getState().requests.find((r) => r.kind === 'auth')?.status).toBe('waiting')
    a.send(approval)
    await expect(login).resolves.toMatchObject({ account: 'alice', host: a.url })
  })

  it('an approval granting a session that has already expired is not a login', async () => {
    const a = await relay()
    const c = client([a.url])
    const { outcome, key, uuid } = await waitingLogin(c)
    a.send({ cmd: 'auth_ack', uuid, data: encryptPayload({ expire: Date.now() - 1000 }, key) })
    expect(await outcome).toMatchObject({ code: 'failed', source: 'wallet' })
    expect(c.getState().sessions).toEqual([])
  })
})

describe('what a wallet grants', () => {
  it('a session longer than the kit ever keeps is kept for 90 days at most', async () => {
    const a = await relay()
    const c = client([a.url])
    const { login, key, uuid } = await waitingLogin(c)
    a.send({ cmd: 'auth_ack', uuid, data: encryptPayload({ expire: 1e308 }, key) })
    const session = await login
    expect(session.expire).toBeLessThanOrEqual(Date.now() + MAX_SESSION_MS)
    expect(session.expire).toBeGreaterThan(Date.now() + MAX_SESSION_MS - 60_000)
  })
})

describe('a socket the relay has just closed', () => {
  it('a request sent on it is sent again on a fresh socket, not failed', async () => {
    const a = await relay({ closeAfterGreeting: 1 })
    const c = client([a.url])
    const { uuid } = await waitingLogin(c)
    expect(uuid).toBe('req-1')
    expect(a.connections()).toBe(2)
    expect(a.received.filter((f) => f.cmd === 'auth_req')).toHaveLength(1)
  })

  it('after two such sockets in a row it fails as a retryable connection error', async () => {
    const a = await relay({ closeAfterGreeting: 3 })
    const c = client([a.url])
    const error = await authenticate(c, { account: 'alice' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'connection', retryable: true })
    expect(a.received).toEqual([])
  })
})
