import { sha256 } from '@noble/hashes/sha2.js'
import { describe, expect, it } from 'vitest'
import { readHiveSignerToken, writeHiveSignerToken } from '../../src/core/connectors/hiveSignerToken'
import { createMemoryStore } from '../../src/server/createMemoryStore'
import { verifyHiveSignerToken } from '../../src/server/verifyHiveSignerToken'
import { createDevkitAccount, DEVKIT_PASSWORD } from '../../src/devkit/accounts'
import { disagreeingNodes } from '../support/disagreeingNodes'
import { createChain } from '../../src/devkit/chain'
import { privateKeyFromLogin, publicKeyOf, signDigest } from '../../src/devkit/keys'

// A HiveSigner token checked on a dApp's server against the devkit chain: each check pinned by a token that fails it.

const chain = createChain({ accounts: ['alice', 'bob'] })
const alice = createDevkitAccount('alice')
const ownerKey = privateKeyFromLogin('alice', DEVKIT_PASSWORD, 'owner')
chain.update('alice', (account) => {
  account.owner = { weight_threshold: 1, account_auths: [], key_auths: [[publicKeyOf(ownerKey), 1]] }
})
const NOW = Date.parse('2026-12-06T10:00:00Z')
const token = (fields: Partial<{ account: string; app: string; at: number; key: Uint8Array }> = {}) =>
  writeHiveSignerToken(
    { account: fields.account ?? 'alice', app: fields.app ?? 'my.app', type: 'login', timestamp: Math.floor((fields.at ?? NOW - 60_000) / 1000) },
    (text) => signDigest(sha256(new TextEncoder().encode(text)), fields.key ?? alice.keys.posting!),
  )
const verify = (t: unknown, extra = {}) =>
  verifyHiveSignerToken({ token: t, app: 'my.app', now: NOW, nodes: [chain.url], fetch: chain.fetch, ...extra })

describe('verifyHiveSignerToken', () => {
  it('accepts a fresh token for this app, signed by a posting or owner key, and says what it proves', async () => {
    await expect(verify(token())).resolves.toEqual({
      valid: true,
      account: 'alice',
      publicKey: alice.publicKeys.posting,
      issuedAt: new Date(Math.floor((NOW - 60_000) / 1000) * 1000).toISOString(),
      proves: 'app_authorisation',
    })
    await expect(verify(token({ key: ownerKey }))).resolves.toMatchObject({ valid: true, publicKey: publicKeyOf(ownerKey) })
  })

  it.each([
    ['not a token', () => 'nonsense', 'malformed_message'],
    ['another app', () => token({ app: 'other.app' }), 'domain'],
    ['older than the maximum age', () => token({ at: NOW - 10 * 60_000 - 1000 }), 'expired'],
    ['issued in the future', () => token({ at: NOW + 6 * 60_000 }), 'not_yet_valid'],
    ['signed by the memo key', () => token({ key: alice.keys.memo! }), 'key_not_authorized'],
    ['signed by another account', () => token({ key: createDevkitAccount('bob').keys.posting! }), 'key_not_authorized'],
    ['an account that does not exist', () => token({ account: 'nobody' }), 'unknown_account'],
    ['an invalid account name', () => token({ account: 'A!' }), 'invalid_account'],
  ])('refuses %s', async (_, make, code) => {
    await expect(verify(make())).resolves.toMatchObject({ valid: false, code })
  })

  it('a token whose signature is not one refuses as malformed', async () => {
    const broken = writeHiveSignerToken({ account: 'alice', app: 'my.app', type: 'login', timestamp: Math.floor(NOW / 1000) }, () => 'zz')
    await expect(verify(broken)).resolves.toMatchObject({ valid: false, code: 'malformed_signature' })
  })

  it('with a store, a token logs in once', async () => {
    const store = createMemoryStore()
    const once = token()
    await expect(verify(once, { store })).resolves.toMatchObject({ valid: true })
    await expect(verify(once, { store })).resolves.toMatchObject({ valid: false, code: 'nonce' })
  })

  it('maxAgeMs is bounded by HiveSigner’s own 7 days', async () => {
    await expect(verify(token(), { maxAgeMs: 8 * 24 * 3600_000 })).rejects.toThrow(RangeError)
    await expect(verify(token({ at: NOW - 3 * 24 * 3600_000 }), { maxAgeMs: 7 * 24 * 3600_000 })).resolves.toMatchObject({ valid: true })
  })
})

describe('verifyHiveSignerToken, to the letter', () => {
  it('says why, in words, for each refusal', async () => {
    await expect(verify('nonsense')).resolves.toEqual({ valid: false, code: 'malformed_message', reason: 'not a HiveSigner token' })
    await expect(verify(token({ account: 'A!' }))).resolves.toEqual({
      valid: false,
      code: 'invalid_account',
      reason: 'not a valid Hive account name',
    })
    await expect(verify(token({ app: 'a-very-long-app-name-indeed' }))).resolves.toEqual({
      valid: false,
      code: 'domain',
      reason: 'the token is for @a-very-long-app-',
      account: 'alice',
    })
    await expect(verify(token({ at: NOW + 6 * 60_000 }))).resolves.toMatchObject({ reason: 'the token is issued in the future' })
    await expect(verify(token({ at: NOW - 11 * 60_000 }))).resolves.toMatchObject({ reason: 'the token is older than the maximum age' })
    await expect(verify(token({ account: 'nobody' }))).resolves.toMatchObject({
      reason: '@nobody does not exist',
      publicKey: alice.publicKeys.posting,
    })
    await expect(verify(token({ key: alice.keys.memo! }))).resolves.toMatchObject({
      reason: 'the key is not a posting, active or owner key of @alice that signs alone',
      publicKey: alice.publicKeys.memo,
    })
    const broken = writeHiveSignerToken({ account: 'alice', app: 'my.app', type: 'login', timestamp: Math.floor(NOW / 1000) }, () => 'zz')
    await expect(verify(broken)).resolves.toMatchObject({ reason: 'malformed signature' })
    await expect(verify(token(), { maxAgeMs: 0 })).rejects.toThrow('maxAgeMs must be above 0 and at most 7 days')
  })

  it('takes a token exactly at its edges: five minutes early, and exactly the maximum age', async () => {
    await expect(verify(token({ at: NOW + 5 * 60_000 }))).resolves.toMatchObject({ valid: true })
    await expect(verify(token({ at: NOW - 10 * 60_000 }))).resolves.toMatchObject({ valid: true })
  })

  it('nodes that disagree about the account: nothing is believed', async () => {
    const fetch = disagreeingNodes(chain)
    await expect(verify(token(), { nodes: ['https://a.example', 'https://b.example'], fetch, timeoutMs: 300 })).resolves.toMatchObject({
      valid: false,
      code: 'nodes_disagree',
      reason: 'the nodes disagree about @alice',
    })
  })

  it('remembers a used token by its signature until it is too old anyway', async () => {
    const added: [string, string, number][] = []
    const store = { ...createMemoryStore(), add: async (key: string, value: string, ttlMs: number) => (added.push([key, value, ttlMs]), true) }
    const once = token()
    await verify(once, { store, maxAgeMs: 60_000 })
    expect(added).toEqual([[`hivesigner-token:${readHiveSignerToken(once)!.signature}`, '1', 60_000 + 5 * 60_000]])
    await expect(verify(once, { store: { ...store, add: async () => false } })).resolves.toMatchObject({
      code: 'nonce',
      reason: 'the token was used already',
    })
  })
})
