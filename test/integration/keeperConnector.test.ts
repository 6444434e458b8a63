import { afterEach, describe, expect, it } from 'vitest'
import { authenticate } from '../../src/core/actions/authenticate'
import { sign } from '../../src/core/actions/sign'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { keeper } from '../../src/core/connectors/keeper'
import { keychain } from '../../src/core/connectors/keychain'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { createChain } from '../../src/devkit/chain'
import { type FakeKeychain, installFakeKeychain } from '../../src/devkit/fakeKeychain'

// Hive Keeper (Ecency's extension with Keychain's page API) as a connector, alone and installed beside Keychain.

const chain = createChain({ accounts: ['alice'] })
let clients: HasClient[] = []
let fakes: FakeKeychain[] = []
afterEach(() => {
  for (const fake of fakes) fake.uninstall()
  for (const client of clients) client.close()
  fakes = []
  clients = []
})
let votes = 0
const vote = () => [['vote', { voter: 'alice', author: 'bob', permlink: `keeper-${++votes}`, weight: 10000 }]] as [string, Record<string, unknown>][]
const clientWith = (...connectors: ReturnType<typeof keychain>[]) => {
  const client = createHasClient({
    app: { name: 'Keeper test dApp' },
    hosts: ['ws://127.0.0.1:9'],
    storage: createMemoryStorage(),
    chain: { nodes: [chain.url], fetch: chain.fetch },
    connectors,
  })
  clients.push(client)
  return client
}

describe('Hive Keeper, alone and beside Keychain', () => {
  it('logs in and signs through Keeper (window.hive, registered as com.ecency.keeper)', async () => {
    const keeperFake = installFakeKeychain({ accounts: ['alice'], chain, keeper: true })
    fakes.push(keeperFake)
    const client = clientWith(keeper())
    expect(keeper().installed()).toBe(true)
    await expect(authenticate(client, { connector: 'keeper', account: 'alice', verify: true })).resolves.toMatchObject({
      connector: 'keeper',
      verified: true,
    })
    await expect(sign(client, { account: 'alice', keyType: 'posting', ops: vote() })).resolves.toMatchObject({ broadcast: true })
    expect(keeperFake.requests.map((r) => r.type)).toEqual(['signBuffer', 'broadcast'])
  })

  it('with both installed, each connector asks its own wallet', async () => {
    const keychainFake = installFakeKeychain({ accounts: ['alice'], chain })
    const keeperFake = installFakeKeychain({ accounts: ['alice'], chain, keeper: true })
    fakes.push(keeperFake, keychainFake)
    const both = clientWith(keychain(), keeper())
    await authenticate(both, { connector: 'keeper', account: 'alice' })
    await authenticate(both, { connector: 'keychain', account: 'alice' })
    expect(keeperFake.requests).toHaveLength(1)
    expect(keychainFake.requests).toHaveLength(1)
  })

  it('a page whose window.hive is not Keeper is not taken for it', () => {
    ;(globalThis as Record<string, unknown>).hive = { requestSignBuffer() {}, requestHandshake() {}, requestBroadcast() {} }
    try {
      expect(keeper().installed()).toBe(false)
    } finally {
      delete (globalThis as Record<string, unknown>).hive
    }
  })
})
