import { afterEach, describe, expect, it, vi } from 'vitest'
import { confirmTransaction } from '../../../src/core/chain/confirmTransaction'
import { defaultLoginMessage, pageOrigin } from '../../../src/core/chain/defaultLoginMessage'
import { createLoginMessage, parseLoginMessage } from '../../../src/core/chain/loginMessage'
import { configuredSite } from '../../../src/core/chain/loginSite'
import { normalizeNodeUrl } from '../../../src/core/chain/nodeUrls'
import { verifyChallenge } from '../../../src/core/chain/verifyChallenge'
import { verifyLoginMessage } from '../../../src/core/chain/verifyLoginMessage'
import { createDevkitAccount } from '../../../src/devkit/accounts'
import { disagreeingNodes } from '../../support/disagreeingNodes'
import { createChain } from '../../../src/devkit/chain'
import { signMessage } from '../../../src/devkit/keys'
import { createInFlightLimit } from '../../../src/server/inFlightLimit'
import { createMemoryStore } from '../../../src/server/createMemoryStore'
import { nonceKey } from '../../../src/server/nonces'
import { verifyLogin } from '../../../src/server/verifyLogin'

// What the verifiers say and compare, pinned where `npm run mutation` found it loose: each test fails when the rule or
// the words it names change.

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

const chain = createChain({ accounts: ['alice', 'bob'] })
const alice = createDevkitAccount('alice')
chain.update('bob', (account) => {
  account.posting.key_auths = [
    [createDevkitAccount('carol').publicKeys.posting, 1],
    [alice.publicKeys.active, 1],
  ]
})
const onChain = { nodes: [chain.url], fetch: chain.fetch, cacheMs: 0 }
const json = (body: unknown) => (async () => new Response(JSON.stringify({ jsonrpc: '2.0', id: 1, ...(body as object) }))) as unknown as typeof fetch

describe('confirmTransaction', () => {
  const txid = 'ab'.repeat(20)
  it('an id that only turns into one as text is refused, not read', async () => {
    const sneaky = { toString: () => txid } as unknown as string
    await expect(confirmTransaction({ txid: sneaky, nodes: ['https://one.example'], fetch: json({ result: {} }) })).resolves.toEqual({
      confirmed: false,
      reason: 'not a transaction id',
    })
  })

  it('a block number that is not a number is not reported', async () => {
    const fetch = json({ result: { operations: [['vote', {}]], block_num: '5' } })
    await expect(confirmTransaction({ txid, nodes: ['https://one.example'], fetch })).resolves.toEqual({ confirmed: true, blockNum: undefined })
  })

  it('says why it confirms nothing', async () => {
    let flip = 0
    const disagreeing = (async () => new Response(JSON.stringify({ result: { operations: [['vote', { n: flip++ }]] } }))) as unknown as typeof fetch
    await expect(
      confirmTransaction({ txid, nodes: ['https://a.example', 'https://b.example'], fetch: disagreeing, timeoutMs: 300 }),
    ).resolves.toEqual({
      confirmed: false,
      reason: 'the nodes disagree about this transaction',
    })
    const fetch = json({ result: { operations: [['vote', {}]], block_num: 9 } })
    await expect(confirmTransaction({ txid, nodes: ['https://one.example'], fetch, ops: [['transfer', {}]] })).resolves.toEqual({
      confirmed: false,
      blockNum: 9,
      reason: 'the transaction holds other operations',
    })
  })
})

describe('the default login message', () => {
  it('a page whose location has no origin is taken as https', () => {
    vi.stubGlobal('location', { host: 'app.example' })
    expect(pageOrigin()).toEqual({ domain: 'app.example', uri: 'https://app.example/' })
  })

  it('names the app in at most 200 characters', () => {
    const statement = parseLoginMessage(defaultLoginMessage('A'.repeat(300), 'alice', 'n0nceN0nce')).statement
    expect(statement).toBe(`Log in to ${'A'.repeat(200)}.`)
  })
})

describe('sites and node URLs', () => {
  it.each([
    ['http://localhost:80', 'http://localhost'],
    ['https://example.com:443/', 'https://example.com'],
    ['http://localhost:3000/', 'http://localhost:3000'],
    ['Example.COM', 'https://example.com'],
  ])('configured %s is the site %s', (entry, site) => {
    expect(configuredSite(entry)).toBe(site)
  })

  it.each([
    ['https://user:secret@Node.Example.:8443/rpc/', 'https://user:secret@node.example:8443/rpc'],
    ['https://user@node.example/', 'https://user@node.example'],
  ])('%s counts as %s', (url, normal) => {
    expect(normalizeNodeUrl(url)).toBe(normal)
  })
})

describe('what a refusal says', () => {
  const message = (fields: Partial<Parameters<typeof createLoginMessage>[0]> = {}) =>
    createLoginMessage({ domain: 'Example.com', account: 'alice', uri: 'https://example.com/', nonce: 'n0nceN0nce', ...fields })
  const verify = (text: string, extra: Record<string, unknown> = {}) =>
    verifyLoginMessage({ message: text, signature: signMessage(text, alice.keys.posting!), domain: 'other.example', ...onChain, ...extra })

  it('names the site the message is for, as compared', async () => {
    await expect(verify(message())).resolves.toMatchObject({ code: 'domain', reason: 'the message is for https://example.com' })
  })

  it('names the URI, the nonce, the time', async () => {
    const text = message({ issuedAt: new Date(Date.now() + 3_600_000).toISOString() })
    await expect(verify(message(), { domain: 'example.com', uri: 'https://example.com/x' })).resolves.toMatchObject({
      code: 'uri',
      reason: 'the message is for https://example.com/, not https://example.com/x',
    })
    await expect(verify(message(), { domain: 'example.com', nonce: 'Another1Nonce' })).resolves.toMatchObject({
      code: 'nonce',
      reason: 'the nonce is not the one issued',
    })
    await expect(verify(message(), { domain: 'example.com', hasNonce: async () => false })).resolves.toMatchObject({
      code: 'nonce',
      reason: 'the nonce was not issued here, has expired, or was used already',
    })
    await expect(verify(text, { domain: 'example.com' })).resolves.toMatchObject({
      code: 'not_yet_valid',
      reason: 'the message is issued in the future',
    })
  })

  it('refuses options out of range in words', async () => {
    await expect(verify(message(), { maxAgeMs: 0 })).rejects.toThrow('maxAgeMs must be more than 0 and at most an hour.')
    await expect(verify(message(), { clockSkewMs: -1 })).rejects.toThrow('clockSkewMs must be 0 to five minutes.')
  })

  it('says which role a key has when it is not the one asked, among several keys', async () => {
    const text = 'hello'
    await expect(
      verifyChallenge({
        account: 'bob',
        keyType: 'active',
        message: text,
        signature: signMessage(text, createDevkitAccount('carol').keys.posting!),
        ...onChain,
      }),
    ).resolves.toMatchObject({
      code: 'key_not_authorized',
      reason: 'the key is a posting key of @bob, not an active key',
    })
    await expect(verifyChallenge({ account: 'Not Valid', keyType: 'posting', message: text, signature: 'x', ...onChain })).resolves.toEqual({
      valid: false,
      code: 'invalid_account',
      reason: 'not a valid Hive account name',
    })
  })

  it('says when the key is an owner key, with its article', async () => {
    const owner = createDevkitAccount('bob').keys.active! // any key: put on bob's owner authority below
    chain.update('alice', (account) => {
      account.owner = { weight_threshold: 1, account_auths: [], key_auths: [[createDevkitAccount('bob').publicKeys.active, 1]] }
    })
    const text = 'hello'
    await expect(
      verifyChallenge({ account: 'alice', keyType: 'posting', message: text, signature: signMessage(text, owner), ...onChain }),
    ).resolves.toMatchObject({
      reason: 'the key is an owner key of @alice, not a posting key',
    })
  })

  it('names the account the nodes disagree about', async () => {
    const fetch = disagreeingNodes(chain)
    const text = 'hello'
    await expect(
      verifyChallenge({
        account: 'alice',
        keyType: 'posting',
        message: text,
        signature: signMessage(text, alice.keys.posting!),
        nodes: ['https://a.example', 'https://b.example'],
        fetch,
        timeoutMs: 300,
      }),
    ).resolves.toMatchObject({ code: 'nodes_disagree', reason: 'the nodes disagree about @alice' })
  })
})

describe('verifyLogin says why', () => {
  it('when busy, and when the nonce was taken meanwhile', async () => {
    const store = createMemoryStore()
    const text = createLoginMessage({ domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce: 'n0nceN0nce' })
    const params = { message: text, signature: signMessage(text, alice.keys.posting!), domain: 'example.com', ...onChain }
    const limit = createInFlightLimit(1)
    let release = () => {}
    void limit.tryRun(() => new Promise<void>((resolve) => (release = resolve)))
    await expect(verifyLogin({ ...params, store, limit })).resolves.toEqual({
      valid: false,
      code: 'busy',
      reason: '1 logins are being verified already; try again',
    })
    release()
    await store.add(nonceKey('n0nceN0nce'), '1', 60_000) // issued: the look before the nodes finds it
    const raced = { ...store, take: async () => undefined } // another instance used it up between the look and the use
    await expect(verifyLogin({ ...params, store: raced })).resolves.toMatchObject({
      valid: false,
      code: 'nonce',
      reason: 'the nonce was not issued here, has expired, or was used already',
    })
  })
})
