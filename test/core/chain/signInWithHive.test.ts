import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { confirmTransaction } from '../../../src/core/chain/confirmTransaction'
import { createLoginMessage, generateNonce, HIVE_MAINNET, parseLoginMessage } from '../../../src/core/chain/loginMessage'
import { verifyLoginMessage } from '../../../src/core/chain/verifyLoginMessage'
import { createHasClient, type HasClient } from '../../../src/core/client/createHasClient'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import { createChain, type DevkitChain } from '../../../src/devkit/chain'
import { type RunningChainNode, startChainNode } from '../../../src/devkit/chainServer'
import { type RunningRelay, startRelay } from '../../../src/devkit/server'
import { createWallet, type Wallet } from '../../../src/devkit/wallet'
import { authenticate } from '../../../src/core/actions/authenticate'
import { sign } from '../../../src/core/actions/sign'

const fields = {
  domain: 'example.com',
  account: 'alice',
  uri: 'https://example.com/login',
  nonce: 'Xy12abCD34ef',
  statement: 'Log in to Example.',
  issuedAt: '2026-11-30T12:00:00.000Z',
  expirationTime: '2026-11-30T12:10:00.000Z',
}

describe('Sign in with Hive messages (CAIP-122, EIP-4361 layout)', () => {
  it('are written in the documented layout, and read back to the same fields', () => {
    const text = createLoginMessage({ ...fields, resources: ['https://example.com/tos'], requestId: 'r-1' })
    expect(text).toBe(
      [
        'example.com wants you to sign in with your Hive account:',
        'alice',
        '',
        'Log in to Example.',
        '',
        'URI: https://example.com/login',
        'Version: 1',
        `Chain ID: ${HIVE_MAINNET}`,
        'Nonce: Xy12abCD34ef',
        'Issued At: 2026-11-30T12:00:00.000Z',
        'Expiration Time: 2026-11-30T12:10:00.000Z',
        'Request ID: r-1',
        'Resources:',
        '- https://example.com/tos',
      ].join('\n'),
    )
    expect(parseLoginMessage(text)).toEqual({
      ...fields,
      version: '1',
      chainId: HIVE_MAINNET,
      requestId: 'r-1',
      resources: ['https://example.com/tos'],
    })
    const bare = createLoginMessage({ domain: 'localhost:6006', account: 'bob', uri: 'http://localhost:6006/', nonce: generateNonce() })
    expect(parseLoginMessage(bare)).toMatchObject({ domain: 'localhost:6006', account: 'bob' })
  })

  it('refuse fields that would make them ambiguous, and texts that are not one exactly', () => {
    for (const bad of [
      { statement: 'two\nlines' },
      { nonce: 'short' },
      { account: 'Not Valid' },
      { domain: 'evil.com\nexample.com' },
      { issuedAt: 'yesterday' },
    ]) {
      expect(() => createLoginMessage({ ...fields, ...bad })).toThrow(HasInvalidArgumentError)
    }
    const text = createLoginMessage(fields)
    for (const bad of [text.replace('Hive account', 'Ethereum account'), `${text}\nExtra: line`, text.replace('Nonce: ', 'Nonce:'), '']) {
      expect(() => parseLoginMessage(bad)).toThrow(HasInvalidArgumentError)
    }
  })

  it('nonces are 17 letters and digits, all different', () => {
    const nonces = new Set(Array.from({ length: 200 }, generateNonce))
    expect(nonces.size).toBe(200)
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9]{17}$/)
  })
})

describe('Sign in with Hive end to end: the devkit wallet signs, verifyLoginMessage checks on the devkit node', () => {
  let chain: DevkitChain
  let node: RunningChainNode
  let relay: RunningRelay
  let wallet: Wallet
  let client: HasClient
  beforeAll(async () => {
    chain = createChain()
    node = await startChainNode(chain)
    relay = await startRelay()
    wallet = createWallet({ url: relay.url, accounts: ['alice', 'bob'], chain })
    await wallet.connect()
    client = createHasClient({ app: { name: 'siwh' }, hosts: [relay.url], storage: createMemoryStorage() })
  })
  afterAll(async () => {
    client.close()
    wallet.close()
    await relay.close()
    await node.close()
  })

  const now = new Date('2026-11-30T12:05:00.000Z')
  async function logIn(account: string, message: string) {
    const session = await authenticate(client, { account, challenge: { keyType: 'posting', message }, onWait: (p) => void wallet.scan(p.deepLink) })
    return session.challenge!.signature
  }
  const check = (message: string, signature: string, extra: Partial<Parameters<typeof verifyLoginMessage>[0]> = {}) =>
    verifyLoginMessage({ message, signature, domain: 'example.com', nonce: fields.nonce, time: now, nodes: [node.url], ...extra })

  it('a signed message for this domain, nonce and time is valid, and names the account and key', async () => {
    const message = createLoginMessage(fields)
    const signature = await logIn('alice', message)
    const result = await check(message, signature)
    expect(result).toMatchObject({ valid: true, account: 'alice', publicKey: wallet.accounts[0]!.publicKeys.posting })
  })

  it('another domain, another nonce, an expired or not-yet-valid message, or another chain is invalid', async () => {
    const message = createLoginMessage(fields)
    const signature = await logIn('alice', message)
    expect(await check(message, signature, { domain: 'evil.example' })).toMatchObject({ valid: false, code: 'domain' })
    expect(await check(message, signature, { nonce: 'AnotherNonce1' })).toMatchObject({ valid: false, reason: expect.stringMatching(/nonce/) })
    expect(await check(message, signature, { time: new Date('2026-11-30T12:11:00.000Z') })).toMatchObject({
      valid: false,
      reason: expect.stringMatching(/expired/),
    })
    const later = createLoginMessage({ ...fields, notBefore: '2026-11-30T13:00:00.000Z' })
    expect(await check(later, await logIn('alice', later))).toMatchObject({ valid: false, reason: expect.stringMatching(/not valid yet/) })
    const testnet = createLoginMessage({ ...fields, chainId: '42000000000000000000000000000000' })
    expect(await check(testnet, await logIn('alice', testnet))).toMatchObject({ valid: false, reason: expect.stringMatching(/chain/) })
  })

  it('a signature of another message, or a message naming another account, is invalid', async () => {
    const message = createLoginMessage(fields)
    const other = createLoginMessage({ ...fields, statement: 'Something else.' })
    expect(await check(message, await logIn('alice', other))).toMatchObject({ valid: false })
    const forBob = createLoginMessage({ ...fields, account: 'bob' })
    const signedByAlice = await logIn('alice', forBob) // alice's key signs a message claiming to be bob
    expect(await check(forBob, signedByAlice)).toMatchObject({
      valid: false,
      account: 'bob',
      reason: expect.stringMatching(/not a posting key of @bob/),
    })
  })

  it('confirmTransaction finds a broadcast transaction with its operations, and nothing else', async () => {
    const ops: [string, Record<string, unknown>][] = [['vote', { voter: 'bob', author: 'alice', permlink: 'hello', weight: 10000 }]]
    await authenticate(client, { account: 'bob', onWait: (p) => void wallet.scan(p.deepLink) })
    const { txid } = await sign(client, { account: 'bob', keyType: 'posting', ops })
    await expect(confirmTransaction({ txid: txid!, ops, nodes: [node.url] })).resolves.toMatchObject({
      confirmed: true,
      blockNum: expect.any(Number),
    })
    await expect(confirmTransaction({ txid: txid!, ops: [['vote', { voter: 'bob' }]], nodes: [node.url] })).resolves.toMatchObject({
      confirmed: false,
    })
    await expect(confirmTransaction({ txid: 'ab'.repeat(20), nodes: [node.url] })).resolves.toMatchObject({
      confirmed: false,
      reason: expect.stringMatching(/does not know/),
    })
    expect(chain.transactions().find((t) => t.txid === txid)?.signers).toEqual([wallet.accounts[1]!.publicKeys.posting])
  })
})
