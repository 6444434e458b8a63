import { afterEach, describe, expect, it } from 'vitest'
import { authenticate } from '../../src/core/actions/authenticate'
import { sign } from '../../src/core/actions/sign'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { keychain } from '../../src/core/connectors/keychain'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { createChain } from '../../src/devkit/chain'
import { type FakeKeychain, type FakeKeychainOptions, installFakeKeychain } from '../../src/devkit/fakeKeychain'
import { signGivenTransaction } from '../../src/devkit/walletAnswers'

// Sign-only (`broadcast: false`) through Hive Keychain's requestSignTx: the kit builds the transaction from the head
// block of its nodes, Keychain (the devkit's fake) signs it, and the answer counts only when it is the transaction
// asked for, signed with the account's authority. The devkit's node then takes it, TaPoS and signatures checked.

const chain = createChain({ accounts: ['alice', { name: 'bob', lacks: ['active'] }] })
let wallet: FakeKeychain | undefined
let client: HasClient | undefined
afterEach(() => {
  wallet?.uninstall()
  client?.close()
  wallet = client = undefined
})

/** The devkit node, also reachable as a second address (two nodes that agree, as a quorum wants). */
const SECOND_NODE = 'memory://second-node'
const twoAddresses = ((input: RequestInfo | URL, init?: RequestInit) =>
  chain.fetch(String(input) === SECOND_NODE ? chain.url : input, init)) as typeof fetch

async function loggedIn(fake: Partial<FakeKeychainOptions> = {}, nodes: readonly string[] = [chain.url]) {
  wallet = installFakeKeychain({ accounts: ['alice', { name: 'bob', lacks: ['active'] }], chain, ...fake })
  client = createHasClient({
    app: { name: 'Sign-only test dApp' },
    hosts: ['ws://127.0.0.1:9'],
    storage: createMemoryStorage(),
    chain: { nodes, fetch: twoAddresses },
    connectors: [keychain()],
  })
  await authenticate(client, { connector: 'keychain', account: fake.accounts ? 'bob' : 'alice' })
  return { client, wallet }
}

/** Makes the installed Keychain answer requestSignTx with `tamper(tx)` signed by `signer`'s posting key. */
function answerSignTxWith(tamper: (tx: Record<string, unknown>) => Record<string, unknown>, signer = 'alice') {
  const api = (globalThis as unknown as { hive_keychain: Record<string, unknown> }).hive_keychain
  api.requestSignTx = (_account: string, tx: Record<string, unknown>, _role: string, done: (answer: unknown) => void) =>
    done({ success: true, error: null, result: signGivenTransaction(tamper(tx), createDevkitAccount(signer).keys.posting!, chain) })
}

let votes = 0
const vote = (voter = 'alice') =>
  [['vote', { voter, author: 'carol', permlink: `only-${++votes}`, weight: 10000 }]] as [string, Record<string, unknown>][]

describe('sign-only through Hive Keychain', () => {
  it('returns the signed transaction, broadcasts nothing, and the chain takes it afterwards', async () => {
    const { client, wallet } = await loggedIn()
    const ops = vote()
    const before = chain.transactions().length
    const result = await sign(client, { account: 'alice', keyType: 'posting', ops, broadcast: false })
    expect(result).toMatchObject({
      broadcast: false,
      tx: { operations: ops, extensions: [], signatures: [expect.stringMatching(/^[0-9a-f]{130}$/)] },
    })
    expect(wallet.requests.at(-1)).toMatchObject({ type: 'signTx', account: 'alice', role: 'Posting', operations: ops })
    expect(chain.transactions()).toHaveLength(before)
    expect(chain.broadcast(result.tx!)).toMatch(/^[0-9a-f]{40}$/)
  })

  it('works in Keychain Mobile’s browser too', async () => {
    const { client } = await loggedIn({ mobile: true })
    await expect(sign(client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false })).resolves.toMatchObject({ broadcast: false })
  })

  it('an active-key transaction for an account whose active key Keychain lacks is "declined or missing key"', async () => {
    const { client } = await loggedIn({ accounts: ['alice', { name: 'bob', lacks: ['active'] }] })
    const transfer = [['transfer', { from: 'bob', to: 'alice', amount: '1.000 HIVE', memo: '' }]] as [string, Record<string, unknown>][]
    await expect(sign(client, { account: 'bob', keyType: 'active', ops: transfer, broadcast: false })).rejects.toMatchObject({
      code: 'rejected',
      reason: 'declined_or_missing_key',
    })
  })

  it('refuses another transaction than the one asked for', async () => {
    const { client } = await loggedIn()
    answerSignTxWith((tx) => ({ ...tx, operations: [['transfer', { from: 'alice', to: 'mallory', amount: '100.000 HIVE', memo: '' }]] }))
    const error = await sign(client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'protocol', details: 'the operations are not the ones sent' })
  })

  it('refuses the right transaction signed by a key without the account’s authority', async () => {
    const { client } = await loggedIn()
    answerSignTxWith((tx) => tx, 'bob')
    const error = await sign(client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'protocol', shortMessage: 'The transaction is not signed by @alice.' })
  })

  it('asks the next node for the head block when the first is down, and fails as a connection error when none answers', async () => {
    const { client } = await loggedIn({}, ['http://127.0.0.1:9/down', chain.url, SECOND_NODE])
    await expect(sign(client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false })).resolves.toMatchObject({ broadcast: false })
    const offline = createHasClient({
      app: { name: 'x' },
      hosts: ['ws://127.0.0.1:9'],
      storage: createMemoryStorage(),
      chain: { nodes: ['http://127.0.0.1:9/down'], fetch: chain.fetch },
      connectors: [keychain()],
    })
    try {
      await authenticate(offline, { connector: 'keychain', account: 'alice' })
      const error = await sign(offline, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }).catch((e: unknown) => e)
      expect(error).toMatchObject({ code: 'connection', shortMessage: 'No Hive API node gave a block to sign the transaction against.' })
    } finally {
      offline.close()
    }
  })
})
