import { afterEach, describe, expect, it, vi } from 'vitest'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'
import { sign } from '../../src/core/actions/sign'
import { parseLoginMessage } from '../../src/core/chain/loginMessage'
import { verifyChallenge } from '../../src/core/chain/verifyChallenge'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { keychain } from '../../src/core/connectors/keychain'
import { bufferEnvelope } from '../../src/core/crypto/challengeSpelling'
import { HasExpiredError } from '../../src/core/errors/HasExpiredError'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { LEGACY_STORAGE_KEY, STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import type { HasStorage } from '../../src/core/storage/HasStorage'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { encodeMemo } from '../../src/devkit/memo'
import { createChain } from '../../src/devkit/chain'
import { type FakeKeychain, type FakeKeychainOptions, installFakeKeychain } from '../../src/devkit/fakeKeychain'

// Hive Keychain (the extension, and Keychain Mobile's browser) as a connector beside HiveAuth: the kit's client against
// the devkit's fake Keychain, which answers as the extension does, and the devkit's Hive node.

const chain = createChain({ accounts: ['alice', { name: 'bob', lacks: ['active'] }] })
const alice = createDevkitAccount('alice')
let wallet: FakeKeychain | undefined
let clients: HasClient[] = []
afterEach(() => {
  vi.useRealTimers()
  wallet?.uninstall()
  wallet = undefined
  for (const client of clients) client.close()
  clients = []
})

function setUp(fake: Partial<FakeKeychainOptions> = {}, storage: HasStorage = createMemoryStorage(), timeoutMs?: number) {
  wallet = installFakeKeychain({ accounts: ['alice', { name: 'bob', lacks: ['active'] }], chain, ...fake })
  const client = createHasClient({
    app: { name: 'Keychain test dApp' },
    hosts: ['ws://127.0.0.1:9'], // no relay is used
    storage,
    chain: { nodes: [chain.url], fetch: chain.fetch },
    connectors: [keychain({ timeoutMs })],
  })
  clients.push(client)
  return { client, storage, wallet }
}

let votes = 0
/** A vote on a post of its own: two identical transactions in one block would be one duplicate. */
const vote = () => [['vote', { voter: 'alice', author: 'bob', permlink: `post-${++votes}`, weight: 10000 }]] as [string, Record<string, unknown>][]

describe('logging in with Hive Keychain', () => {
  it('signs a Sign in with Hive message for this page, shown as text, and the login is verified on chain', async () => {
    const { client, wallet } = setUp()
    const session = await authenticate(client, { connector: 'keychain', account: 'alice', verify: true })
    expect(session).toMatchObject({ account: 'alice', connector: 'keychain', host: '', verified: true })
    expect(parseLoginMessage(session.challenge!.message)).toMatchObject({ account: 'alice', statement: 'Log in to Keychain test dApp.' })
    expect(wallet.requests[0]).toMatchObject({ type: 'signBuffer', account: 'alice', role: 'Posting', message: session.challenge!.message })
    expect(client.getState().sessions[0]).toMatchObject({ account: 'alice', connector: 'keychain' })
  })

  it('in Keychain Mobile’s browser, the message goes as its envelope (its bridge cannot carry a line break)', async () => {
    const { client, wallet } = setUp({ mobile: true })
    const session = await authenticate(client, { connector: 'keychain', account: 'alice', verify: true })
    expect(session.verified).toBe(true)
    expect(wallet.requests[0]!.message).toBe(bufferEnvelope(session.challenge!.message))
  })

  it('shows a waiting request with the connector named and no QR link, then settles', async () => {
    const { client, wallet } = setUp({ decision: 'manual' })
    const login = authenticate(client, { connector: 'keychain', account: 'alice' })
    await vi.waitFor(() => expect(wallet.pending()).toHaveLength(1))
    expect(client.getState().requests[0]).toMatchObject({ status: 'waiting', pending: { connector: 'keychain', deepLink: '' } })
    wallet.approve(wallet.pending()[0]!.id)
    await expect(login).resolves.toMatchObject({ account: 'alice', connector: 'keychain' })
    expect(client.getState().requests).toEqual([])
  })

  it('a closed window (or an account it lacks) is a refusal that says it may be either', async () => {
    const { client } = setUp({ decision: 'cancel' })
    const error = await authenticate(client, { connector: 'keychain', account: 'alice' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasRejectedError)
    expect(error).toMatchObject({ reason: 'declined_or_missing_key', details: 'Request was canceled by the user.', detailsSource: 'wallet' })
    const unknown = await authenticate(client, { connector: 'keychain', account: 'carol' }).catch((e: unknown) => e)
    expect(unknown).toMatchObject({ code: 'rejected', reason: 'declined_or_missing_key' })
  })

  it('not installed: a failure that says so, at once', async () => {
    const { client, wallet } = setUp()
    wallet.uninstall()
    const error = await authenticate(client, { connector: 'keychain', account: 'alice' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasFailedError)
    expect(error).toMatchObject({ reason: 'not_installed' })
  })

  it('a sleeping extension that never answers the handshake fails after 3 s, not at the deadline', async () => {
    vi.useFakeTimers()
    const { client } = setUp({ asleep: true })
    const outcome = authenticate(client, { connector: 'keychain', account: 'alice' }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(2999)
    expect(client.getState().requests[0]?.status).toBe('requesting')
    await vi.advanceTimersByTimeAsync(1)
    expect(await outcome).toMatchObject({ code: 'failed', reason: 'not_installed' })
  })

  it('no answer from its window ends at the connector’s deadline, with the hint to look for the window', async () => {
    vi.useFakeTimers()
    const { client } = setUp({ decision: 'ignore' }, createMemoryStorage(), 10_000)
    const outcome = authenticate(client, { connector: 'keychain', account: 'alice' }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(9_999)
    expect(client.getState().requests[0]?.status).toBe('waiting')
    await vi.advanceTimersByTimeAsync(1)
    const error = await outcome
    expect(error).toBeInstanceOf(HasExpiredError)
    expect(error).toMatchObject({ hint: 'no_answer' })
  })

  it('a late injection is seen: installed() turns true once the extension injects', async () => {
    vi.useFakeTimers()
    const connector = keychain()
    wallet = installFakeKeychain({ accounts: ['alice'], chain, injectAfterMs: 300 })
    expect(connector.installed()).toBe(false)
    await vi.advanceTimersByTimeAsync(300)
    expect(connector.installed()).toBe(true)
  })
})

describe('a Keychain session', () => {
  it('signs and broadcasts through Keychain: the transaction is on the devkit chain', async () => {
    const { client, wallet } = setUp()
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    const ops = vote()
    const result = await sign(client, { account: 'alice', keyType: 'posting', ops })
    expect(result).toMatchObject({ broadcast: true, txid: expect.stringMatching(/^[0-9a-f]{40}$/) })
    expect(chain.transactions().find((t) => t.txid === result.txid)?.operations).toEqual(ops)
    expect(wallet.requests.at(-1)).toMatchObject({ type: 'broadcast', account: 'alice', role: 'Posting' })
  })

  it('signs a challenge, checked against the key on chain', async () => {
    const { client } = setUp()
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    const message = 'Prove it\nto example.com'
    const result = await challenge(client, { account: 'alice', keyType: 'posting', message })
    expect(result.pubkey).toBe(alice.publicKeys.posting)
    const checked = await verifyChallenge({
      account: 'alice',
      keyType: 'posting',
      message,
      signature: result.signature,
      nodes: [chain.url],
      fetch: chain.fetch,
    })
    expect(checked.valid).toBe(true)
  })

  it('a key the wallet lacks is the same ambiguous refusal (Keychain cannot tell them apart)', async () => {
    const { client } = setUp()
    await authenticate(client, { connector: 'keychain', account: 'bob' })
    const error = await sign(client, {
      account: 'bob',
      keyType: 'active',
      ops: [['transfer', { from: 'bob', to: 'alice', amount: '1.000 HIVE', memo: '' }]],
    }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'rejected', reason: 'declined_or_missing_key' })
  })

  it('a newer request replacing an older one in Keychain fails the older as superseded (retryable)', async () => {
    const { client, wallet } = setUp()
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    wallet.setDecision('manual')
    const first = challenge(client, { account: 'alice', keyType: 'posting', message: 'first' }).catch((e: unknown) => e)
    await vi.waitFor(() => expect(wallet.pending()).toHaveLength(1))
    // Another script of the page (or a tab without Web Locks) asks Keychain directly: Keychain answers only the newest.
    ;(globalThis as unknown as { hive_keychain: { requestSignBuffer(...args: unknown[]): void } }).hive_keychain.requestSignBuffer(
      'alice',
      'x',
      'Posting',
      () => {},
    )
    expect(await first).toMatchObject({ code: 'failed', reason: 'superseded', retryable: true })
  })

  it('a transfer cancelled here that is approved in Keychain anyway is recorded, late, with its txid on the chain', async () => {
    const { client, wallet } = setUp()
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    wallet.setDecision('manual')
    const ops = [['transfer', { from: 'alice', to: 'bob', amount: '1.000 HIVE', memo: '' }]] as [string, Record<string, unknown>][]
    const request = sign(client, { account: 'alice', keyType: 'active', ops })
    await vi.waitFor(() => expect(wallet.pending()).toHaveLength(1))
    client.cancel(request.id)
    await expect(request).rejects.toMatchObject({ code: 'cancelled', walletMaySign: true })
    wallet.approve(wallet.pending()[0]!.id) // the extension's window was still open
    await vi.waitFor(() => expect(client.getState().last.sign).toMatchObject({ id: request.id, status: 'approved', late: true }))
    const { txid } = client.getState().last.sign!.result as { txid: string }
    expect(chain.transactions().find((t) => t.txid === txid)?.operations).toEqual(ops)
  })

  it('a request cancelled before Keychain answered gives its turn up: the next one reaches Keychain at once', async () => {
    const { client, wallet } = setUp()
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    wallet.setDecision('manual')
    const first = challenge(client, { account: 'alice', keyType: 'posting', message: 'first' })
    await vi.waitFor(() => expect(wallet.pending()).toHaveLength(1))
    client.cancel(first.id)
    await first.catch(() => {})
    const second = challenge(client, { account: 'alice', keyType: 'posting', message: 'second' })
    await vi.waitFor(() => expect(wallet.pending().map((r) => r.message)).toContain('second'))
    wallet.approve(wallet.pending().find((r) => r.message === 'second')!.id)
    await expect(second).resolves.toMatchObject({ pubkey: alice.publicKeys.posting })
  })

  it('decrypts a memo through Keychain (requestVerifyKey) with the key asked for; a memo without "#" is refused', async () => {
    const { client, wallet } = setUp()
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    const bob = createDevkitAccount('bob')
    const memo = encodeMemo(bob.keys.memo!, alice.publicKeys.memo, '#meet at noon')
    await expect(challenge(client, { account: 'alice', keyType: 'memo', message: memo, decrypt: true })).resolves.toEqual({ text: 'meet at noon' })
    expect(wallet.requests.at(-1)).toMatchObject({ type: 'verifyKey', account: 'alice', role: 'Memo', message: memo })
    const error = await challenge(client, { account: 'alice', keyType: 'memo', message: 'not a memo', decrypt: true }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'failed', details: 'Incomplete data or wrong format', detailsSource: 'wallet' })
  })

  it('persists with its connector: another client on the same storage (a reload, another tab) signs with it', async () => {
    const storage = createMemoryStorage()
    const { client } = setUp({}, storage)
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    const reloaded = createHasClient({ app: { name: 'Keychain test dApp' }, hosts: ['ws://127.0.0.1:9'], storage, connectors: [keychain()] })
    clients.push(reloaded)
    expect(reloaded.getSession('alice')).toMatchObject({ connector: 'keychain', host: '' })
    await expect(sign(reloaded, { account: 'alice', keyType: 'posting', ops: vote() })).resolves.toMatchObject({ broadcast: true })
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!)).toMatchObject({ version: 2, sessions: [{ account: 'alice', connector: 'keychain' }] })
  })

  it('a tab still running the old bundle (version-1 storage) cannot erase it, and its HiveAuth sessions migrate once', async () => {
    const storage = createMemoryStorage()
    const old = { account: 'bob', key: 'k'.repeat(36), expire: Date.now() + 3600_000, host: 'wss://has.example' }
    storage.setItem(LEGACY_STORAGE_KEY, JSON.stringify({ version: 1, sessions: [old] }))
    const { client } = setUp({}, storage)
    expect(client.getSession('bob')).toMatchObject({ key: old.key, host: old.host }) // migrated
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    // The old bundle rewrites its own record (a logout there): version 2 is untouched.
    storage.setItem(LEGACY_STORAGE_KEY, JSON.stringify({ version: 1, sessions: [] }))
    const fresh = createHasClient({ app: { name: 'Keychain test dApp' }, hosts: ['ws://127.0.0.1:9'], storage, connectors: [keychain()] })
    clients.push(fresh)
    expect(fresh.getState().sessions.map((s) => s.account)).toEqual(['alice', 'bob'])
    // Logging everything out in the new bundle does not bring the version-1 record back.
    fresh.logout()
    const again = createHasClient({ app: { name: 'Keychain test dApp' }, hosts: ['ws://127.0.0.1:9'], storage, connectors: [keychain()] })
    clients.push(again)
    expect(again.getState().sessions).toEqual([])
  })

  it('a connector written as a plain object (without defineConnector) logs in as well', async () => {
    wallet = installFakeKeychain({ accounts: ['alice'], chain })
    const plain = { ...keychain() }
    const client = createHasClient({ app: { name: 'x' }, hosts: ['ws://127.0.0.1:9'], storage: createMemoryStorage(), connectors: [plain] })
    clients.push(client)
    await expect(authenticate(client, { connector: 'keychain', account: 'alice' })).resolves.toMatchObject({
      account: 'alice',
      connector: 'keychain',
    })
  })

  it('a login through a connector the app does not configure is refused, naming it', async () => {
    const { client } = setUp()
    await expect(authenticate(client, { connector: 'peakvault', account: 'alice' })).rejects.toMatchObject({
      code: 'invalid_argument',
      shortMessage: 'No connector "peakvault" is configured.',
    })
  })

  it('a session of a connector the app no longer configures cannot sign: a clear error, nothing sent', async () => {
    const storage = createMemoryStorage()
    const { client } = setUp({}, storage)
    await authenticate(client, { connector: 'keychain', account: 'alice' })
    const without = createHasClient({ app: { name: 'Keychain test dApp' }, hosts: ['ws://127.0.0.1:9'], storage })
    clients.push(without)
    await expect(sign(without, { account: 'alice', keyType: 'posting', ops: vote() })).rejects.toMatchObject({ code: 'invalid_argument' })
  })
})
