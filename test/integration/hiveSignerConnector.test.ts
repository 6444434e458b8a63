import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { authenticate } from '../../src/core/actions/authenticate'
import { sign } from '../../src/core/actions/sign'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { hiveSigner } from '../../src/core/connectors/hiveSigner'
import { completeHiveSignerLogin } from '../../src/core/connectors/hiveSignerCallback'
import { readHiveSignerToken } from '../../src/core/connectors/hiveSignerToken'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import type { HasStorage } from '../../src/core/storage/HasStorage'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { createChain } from '../../src/devkit/chain'
import { type FakeHiveSigner, startFakeHiveSigner } from '../../src/devkit/fakeHiveSigner'

// HiveSigner as a connector, against the devkit's fake HiveSigner on 127.0.0.1 (OAuth authorize, tokens in its format,
// its broadcast API onto the devkit chain). The browser's part is played plainly: `window.open` returns a window whose
// navigation is fetched without following redirects, and the callback page's code runs on the address it lands on,
// handing the answer over a real BroadcastChannel.

const CALLBACK = 'https://dapp.example/hivesigner-callback'
const chain = createChain({ accounts: ['alice', 'bob'] })
let fake: FakeHiveSigner
beforeAll(async () => {
  fake = await startFakeHiveSigner({ accounts: ['alice', 'bob'], chain, apps: { 'my.app': [CALLBACK] } })
})
afterAll(() => fake.close())

const opened: { href: string; closed: boolean }[] = []
let clients: HasClient[] = []
afterEach(() => {
  vi.unstubAllGlobals()
  vi.useRealTimers()
  opened.length = 0
  for (const client of clients) client.close()
  clients = []
})

/** A browser window: each navigation is fetched; a redirect to the callback page runs that page's code. */
function stubBrowserWindow() {
  vi.stubGlobal('open', () => {
    const popup = { href: 'about:blank', closed: false }
    opened.push(popup)
    return {
      close: () => void (popup.closed = true),
      location: {
        set href(url: string) {
          popup.href = url
          void fetch(url, { redirect: 'manual' }).then((response) => {
            const next = response.headers.get('location')
            if (next?.startsWith(CALLBACK)) completeHiveSignerLogin({ search: new URL(next).search })
            else if (next) popup.href = new URL(next, url).href
          })
        },
        get href() {
          return popup.href
        },
      },
    }
  })
}

function client(options: { storage?: HasStorage; timeoutMs?: number; scope?: string[] } = {}) {
  const made = createHasClient({
    app: { name: 'HiveSigner test dApp' },
    hosts: ['ws://127.0.0.1:9'],
    storage: options.storage ?? createMemoryStorage(),
    chain: { nodes: [chain.url], fetch: chain.fetch },
    connectors: [hiveSigner({ app: 'my.app', callbackUrl: CALLBACK, baseUrl: fake.url, scope: options.scope, timeoutMs: options.timeoutMs })],
  })
  clients.push(made)
  return made
}

let votes = 0
const vote = (voter = 'alice') =>
  [['vote', { voter, author: 'carol', permlink: `hs-${++votes}`, weight: 10000 }]] as [string, Record<string, unknown>][]

describe('logging in with HiveSigner', () => {
  it('opens its window in the click, takes the token its callback hands back, and keeps it in the session', async () => {
    stubBrowserWindow()
    fake.setDecision('approve')
    const session = await authenticate(client(), { connector: 'hivesigner', account: 'alice' })
    expect(session).toMatchObject({ account: 'alice', connector: 'hivesigner', host: '' })
    expect(session.verified).toBeUndefined()
    expect(session.token).toBe(fake.tokens.at(-1))
    expect(session.challenge).toMatchObject({
      pubkey: createDevkitAccount('alice').publicKeys.posting,
      message: readHiveSignerToken(session.token)!.signedText,
    })
    expect(session.expire - Date.now()).toBeGreaterThan(6 * 24 * 3600_000)
    expect(opened[0]!.href).toMatch(new RegExp(`^${fake.url}/oauth2/authorize\\?client_id=my.app&redirect_uri=`))
    expect(opened[0]!.closed).toBe(true)
  })

  it('refuses a verified login at once, opening nothing: its token binds neither this site nor a nonce', async () => {
    stubBrowserWindow()
    await expect(authenticate(client(), { connector: 'hivesigner', account: 'alice', verify: true })).rejects.toMatchObject({
      code: 'failed',
      reason: 'unsupported',
    })
    expect(opened).toHaveLength(0)
  })

  it('a blocked window is said so', async () => {
    vi.stubGlobal('open', () => null)
    await expect(authenticate(client(), { connector: 'hivesigner', account: 'alice' })).rejects.toMatchObject({ code: 'failed', reason: 'blocked' })
  })

  it('HiveSigner logged in another account than the one typed: refused', async () => {
    stubBrowserWindow()
    await expect(authenticate(client(), { connector: 'hivesigner', account: 'bob' })).rejects.toMatchObject({ code: 'failed', reason: 'invalid' })
  })

  it('a refusal tells the app nothing (HiveSigner goes to its home page): the login expires at its deadline', async () => {
    stubBrowserWindow()
    fake.setDecision('reject')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const login = authenticate(client({ timeoutMs: 60_000 }), { connector: 'hivesigner', account: 'alice' }).catch((e: unknown) => e)
      await vi.waitFor(() => expect(opened[0]?.href).toBe(`${fake.url}/`))
      await vi.advanceTimersByTimeAsync(60_000)
      expect(await login).toMatchObject({ code: 'expired', hint: 'no_answer' })
      expect(opened[0]!.closed).toBe(true)
    } finally {
      fake.setDecision('approve')
    }
  })

  it('an answer for another login (another state) is not taken', async () => {
    stubBrowserWindow()
    fake.setDecision('manual')
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const login = authenticate(client({ timeoutMs: 60_000 }), { connector: 'hivesigner', account: 'alice' }).catch((e: unknown) => e)
      await vi.waitFor(() => expect(opened[0]?.href).toContain('/oauth2/authorize'))
      completeHiveSignerLogin({ search: `?state=someone-else&access_token=${fake.tokens[0]}&username=alice&expires_in=604800` })
      await vi.advanceTimersByTimeAsync(60_000)
      expect(await login).toMatchObject({ code: 'expired' })
    } finally {
      fake.setDecision('approve')
    }
  })
})

describe('signing with a HiveSigner session', () => {
  it('broadcasts through its API onto the chain, also after a reload', async () => {
    stubBrowserWindow()
    const storage = createMemoryStorage()
    await authenticate(client({ storage, scope: ['posting'] }), { connector: 'hivesigner', account: 'alice' })
    const reloaded = client({ storage, scope: ['posting'] })
    const result = await sign(reloaded, { account: 'alice', keyType: 'posting', ops: vote() })
    expect(result).toMatchObject({ broadcast: true, txid: expect.stringMatching(/^[0-9a-f]{40}$/) })
    expect(chain.transactions().map((t) => t.txid)).toContain(result.txid)
  })

  it('what its API cannot broadcast is refused before anything is sent; its own refusals are quoted', async () => {
    stubBrowserWindow()
    const loginOnly = client()
    await authenticate(loginOnly, { connector: 'hivesigner', account: 'alice' })
    const transfer = [['transfer', { from: 'alice', to: 'bob', amount: '1.000 HIVE', memo: '' }]] as [string, Record<string, unknown>][]
    await expect(sign(loginOnly, { account: 'alice', keyType: 'active', ops: transfer })).rejects.toMatchObject({
      code: 'failed',
      reason: 'unsupported',
    })
    const error = await sign(loginOnly, { account: 'alice', keyType: 'posting', ops: vote() }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'failed', details: expect.stringMatching(/scope does not allow/) })
  })
})
