import { afterEach, describe, expect, it, vi } from 'vitest'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'
import { sign } from '../../src/core/actions/sign'
import { verifyChallenge } from '../../src/core/chain/verifyChallenge'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { peakVault } from '../../src/core/connectors/peakVault'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { encodeMemo } from '../../src/devkit/memo'
import { HasCancelledError } from '../../src/core/errors/HasCancelledError'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { createChain } from '../../src/devkit/chain'
import { type FakePeakVault, type FakePeakVaultOptions, installFakePeakVault } from '../../src/devkit/fakePeakVault'

// Peak Vault (PeakD's extension, a promise API) as a connector: the kit's client against the devkit's fake, which
// answers with the shapes Peak Vault's consumers document, and the devkit's Hive node.

const chain = createChain({ accounts: ['alice', { name: 'bob', lacks: ['active'] }] })
let clients: HasClient[] = []
let vault: FakePeakVault | undefined
afterEach(() => {
  vi.useRealTimers()
  vault?.uninstall()
  vault = undefined
  for (const client of clients) client.close()
  clients = []
})

function setUp(fake: Partial<FakePeakVaultOptions> = {}, timeoutMs?: number) {
  vault = installFakePeakVault({ accounts: ['alice', { name: 'bob', lacks: ['active'] }], chain, ...fake })
  const client = createHasClient({
    app: { name: 'Peak Vault test dApp' },
    hosts: ['ws://127.0.0.1:9'],
    storage: createMemoryStorage(),
    chain: { nodes: [chain.url], fetch: chain.fetch },
    connectors: [peakVault({ timeoutMs })],
  })
  clients.push(client)
  return { client, vault }
}

let votes = 0
const vote = (voter = 'alice') =>
  [['vote', { voter, author: 'carol', permlink: `vault-${++votes}`, weight: 10000 }]] as [string, Record<string, unknown>][]

describe('Peak Vault', () => {
  it('is found by its rdns in window.hive.providers, and not when it is absent', () => {
    expect(peakVault().installed()).toBe(false)
    setUp()
    expect(peakVault().installed()).toBe(true)
  })

  it('logs in with a verified Sign in with Hive signature, then signs and challenges through the session', async () => {
    const { client, vault } = setUp()
    const session = await authenticate(client, { connector: 'peakvault', account: 'alice', verify: true })
    expect(session).toMatchObject({ account: 'alice', connector: 'peakvault', verified: true })
    expect(vault.requests[0]).toMatchObject({ type: 'signBuffer', account: 'alice', role: 'posting', message: session.challenge!.message })

    const result = await sign(client, { account: 'alice', keyType: 'active', ops: vote() })
    expect(result).toMatchObject({ broadcast: true, txid: expect.stringMatching(/^[0-9a-f]{40}$/) })
    expect(chain.transactions().map((t) => t.txid)).toContain(result.txid)

    const signed = await challenge(client, { account: 'alice', keyType: 'posting', message: 'hello vault' })
    await expect(
      verifyChallenge({
        account: 'alice',
        keyType: 'posting',
        message: 'hello vault',
        signature: signed.signature,
        nodes: [chain.url],
        fetch: chain.fetch,
      }),
    ).resolves.toMatchObject({ valid: true })
  })

  it('a refusal by the user is "rejected"; a missing key is a failure in Peak Vault’s words', async () => {
    const { client, vault } = setUp({ decision: 'reject' })
    await expect(authenticate(client, { connector: 'peakvault', account: 'alice' })).rejects.toBeInstanceOf(HasRejectedError)
    vault.setDecision('approve')
    await authenticate(client, { connector: 'peakvault', account: 'bob' })
    const error = await sign(client, { account: 'bob', keyType: 'active', ops: vote('bob') }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasFailedError)
    expect((error as HasFailedError).details).toMatch(/active key is not in Peak Vault/)
  })

  it('a request Peak Vault never answers ends at the connector’s deadline, as expired', async () => {
    vi.useFakeTimers()
    const { client } = setUp({ decision: 'ignore' }, 5000)
    const outcome = authenticate(client, { connector: 'peakvault', account: 'alice' }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(5001)
    expect(await outcome).toMatchObject({ code: 'expired', hint: 'no_answer' })
  })

  it('a cancelled request stops waiting for Peak Vault', async () => {
    const { client } = setUp({ decision: 'manual' })
    const login = authenticate(client, { connector: 'peakvault', account: 'alice' })
    await vi.waitFor(() => expect(client.getState().requests[0]?.status).toBe('waiting'))
    client.cancel(client.getState().requests[0]!.id)
    await expect(login).rejects.toBeInstanceOf(HasCancelledError)
  })

  it('decrypts a memo through Peak Vault (requestDecode)', async () => {
    const { client } = setUp()
    await authenticate(client, { connector: 'peakvault', account: 'alice' })
    const memo = encodeMemo(createDevkitAccount('bob').keys.memo!, createDevkitAccount('alice').publicKeys.memo, '#for alice')
    await expect(challenge(client, { account: 'alice', keyType: 'memo', message: memo, decrypt: true })).resolves.toEqual({ text: 'for alice' })
  })

  it('signs only (requestSignTx): a transaction of the operations asked for, nothing broadcast, that the chain then takes', async () => {
    const { client, vault } = setUp()
    await authenticate(client, { connector: 'peakvault', account: 'alice' })
    const ops = vote()
    const before = chain.transactions().length
    const { broadcast, tx } = await sign(client, { account: 'alice', keyType: 'posting', ops, broadcast: false })
    expect(broadcast).toBe(false)
    expect(tx).toMatchObject({ operations: ops, signatures: [expect.stringMatching(/^[0-9a-f]{130}$/)] })
    expect(vault.requests.at(-1)).toMatchObject({ type: 'signTx', account: 'alice', role: 'posting' })
    expect(chain.transactions()).toHaveLength(before)
    expect(chain.broadcast(tx!)).toMatch(/^[0-9a-f]{40}$/)
  })
})
