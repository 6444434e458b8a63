import { afterEach, describe, expect, it } from 'vitest'
import { authenticate, challenge, createHasClient, type HasClient, sign } from '../../src/exports/core'
import { createChain, createDevkitAccount, signDigest, signMessage } from '../../src/exports/devkit'
import { transactionDigest, verifyChallenge } from '../../src/exports/verify'
import { type ConnectorImpl, defineConnector } from '../../src/exports/wallets'

// A wallet the kit does not know, made by an app with `defineConnector` from the package's public entries alone: the
// client logs in (verified on chain), signs, only signs and challenges through it, and holds it to the same checks as
// its own wallets (a signature of another message is refused).

const chain = createChain({ accounts: ['alice'] })
const alice = createDevkitAccount('alice')
let client: HasClient | undefined
afterEach(() => client?.close())

/** "Pocket": a wallet holding alice's keys, answering at once; `lie` makes its login signature cover another text. */
function pocket(options: { lie?: boolean; signOnly?: boolean } = {}) {
  const calls: string[] = []
  const impl: ConnectorImpl = {
    async login(ctx, { message }) {
      calls.push('login')
      ctx.waiting()
      return { publicKey: alice.publicKeys.posting, signature: signMessage(options.lie ? `${message}!` : message, alice.keys.posting!) }
    },
    async challenge(_ctx, _session, { message }) {
      calls.push('challenge')
      return { publicKey: alice.publicKeys.posting, signature: signMessage(message, alice.keys.posting!) }
    },
    async sign(_ctx, _session, { ops, broadcast }) {
      calls.push(`sign broadcast=${broadcast}`)
      const { signatures: _, ...unsigned } = { ...chain.transactionHeader(), operations: ops, extensions: [], signatures: [] }
      const txid = chain.broadcast({ ...unsigned, signatures: [signDigest(transactionDigest(unsigned), alice.keys.posting!)] })
      return { broadcast: true, txid }
    },
    ...(options.signOnly
      ? {
          async signTransaction(_ctx: unknown, _session: unknown, { tx }: { tx: Record<string, unknown> }) {
            calls.push('signTransaction')
            return { ...tx, signatures: [signDigest(transactionDigest(tx), alice.keys.posting!)] }
          },
        }
      : {}),
  }
  const connector = defineConnector({
    id: 'pocket',
    name: 'Pocket',
    kind: 'injected',
    features: { login: 'hive:secp256k1-sha256', signOnly: Boolean(options.signOnly), decrypt: false },
    installed: () => true,
    load: async () => impl,
  })
  client = createHasClient({
    app: { name: 'Custom wallet test' },
    hosts: ['ws://127.0.0.1:9'],
    chain: { nodes: [chain.url], fetch: chain.fetch },
    connectors: [connector],
  })
  return { client, calls, impl }
}

let votes = 0
/** A vote of its own each time: the node refuses a transaction it already has. */
const vote = () => [['vote', { voter: 'alice', author: 'bob', permlink: `pocket-${++votes}`, weight: 10000 }]] as [string, Record<string, unknown>][]

describe('a connector made outside the kit', () => {
  it('logs in verified, signs, only signs and challenges through the app’s own wallet', async () => {
    const { client, calls } = pocket({ signOnly: true })
    const session = await authenticate(client, { connector: 'pocket', account: 'alice', verify: true })
    expect(session).toMatchObject({ account: 'alice', connector: 'pocket', verified: true })

    const { txid } = await sign(client, { account: 'alice', keyType: 'posting', ops: vote() })
    expect(chain.transactions().map((t) => t.txid)).toContain(txid)

    const ops = vote()
    const only = await sign(client, { account: 'alice', keyType: 'posting', ops, broadcast: false })
    expect(only).toMatchObject({ broadcast: false, tx: { operations: ops } })

    const proof = (await challenge(client, { account: 'alice', keyType: 'posting', message: 'pocket-proof' })) as { signature: string }
    const check = { account: 'alice', keyType: 'posting', message: 'pocket-proof', signature: proof.signature } as const
    await expect(verifyChallenge({ ...check, nodes: [chain.url], fetch: chain.fetch })).resolves.toMatchObject({ valid: true })
    expect(calls).toEqual(['login', 'sign broadcast=true', 'signTransaction', 'challenge'])
  })

  it('a wallet without signTransaction gets the sign-only request itself, to refuse or honour', async () => {
    const { client, calls } = pocket()
    await authenticate(client, { connector: 'pocket', account: 'alice' })
    await sign(client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false })
    expect(calls).toEqual(['login', 'sign broadcast=false'])
  })

  it('a wallet’s own exception is that wallet failing, its words quoted, never a HiveAuth connection problem', async () => {
    const { client, impl } = pocket()
    await authenticate(client, { connector: 'pocket', account: 'alice' })
    impl.sign = async () => {
      throw new Error('Pocket is locked')
    }
    const error = await sign(client, { account: 'alice', keyType: 'posting', ops: vote() }).catch((e: unknown) => e)
    expect(error).toMatchObject({
      code: 'failed',
      source: 'wallet',
      shortMessage: 'Pocket failed.',
      details: 'Pocket is locked',
      detailsSource: 'wallet',
    })
  })

  it('a wallet written as a class keeps its `this` in every call, sign-only included', async () => {
    class Vault implements ConnectorImpl {
      private readonly key = alice.keys.posting!
      async login(_ctx: unknown, { message }: { message: string }) {
        return { publicKey: alice.publicKeys.posting, signature: signMessage(message, this.key) }
      }
      async challenge(_ctx: unknown, _session: unknown, { message }: { message: string }) {
        return { publicKey: alice.publicKeys.posting, signature: signMessage(message, this.key) }
      }
      async sign(): Promise<never> {
        throw new Error('not in this test')
      }
      async signTransaction(_ctx: unknown, _session: unknown, { tx }: { tx: Record<string, unknown> }) {
        return { ...tx, signatures: [signDigest(transactionDigest(tx), this.key)] }
      }
    }
    const connector = defineConnector({
      id: 'vault',
      name: 'Vault',
      kind: 'injected',
      features: { login: 'hive:secp256k1-sha256', signOnly: true, decrypt: false },
      installed: () => true,
      load: async () => new Vault(),
    })
    client = createHasClient({
      app: { name: 'Class wallet' },
      hosts: ['ws://127.0.0.1:9'],
      chain: { nodes: [chain.url], fetch: chain.fetch },
      connectors: [connector],
    })
    await authenticate(client, { connector: 'vault', account: 'alice' })
    const ops = vote()
    await expect(sign(client, { account: 'alice', keyType: 'posting', ops, broadcast: false })).resolves.toMatchObject({
      broadcast: false,
      tx: { operations: ops },
    })
  })

  it('a login signature over another message is refused as from any wallet', async () => {
    const { client } = pocket({ lie: true })
    await expect(authenticate(client, { connector: 'pocket', account: 'alice' })).rejects.toMatchObject({ code: 'protocol' })
    expect(client.getState().sessions).toEqual([])
  })
})
