import { afterEach, describe, expect, it, vi } from 'vitest'
import { authenticate } from '../../src/core/actions/authenticate'
import { createHasClient, type HasClient } from '../../src/core/client/createHasClient'
import { hiveSigner } from '../../src/core/connectors/hiveSigner'
import { keychain } from '../../src/core/connectors/keychain'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { createChain } from '../../src/devkit/chain'
import { type FakeKeychain, installFakeKeychain } from '../../src/devkit/fakeKeychain'

// The wallets' code is a file fetched on first use; after a deploy (new file names) or on a flaky network it may not
// come. A login through a wallet must then end as a connection error the user can retry, never wait forever, and close
// the window its click opened. The module is made unloadable here as a browser's failed `import()` is.
vi.mock('../../src/core/connectors/startConnector', () => {
  throw new TypeError('Failed to fetch dynamically imported module')
})

const chain = createChain({ accounts: ['alice'] })
let wallet: FakeKeychain | undefined
let clients: HasClient[] = []
afterEach(() => {
  vi.unstubAllGlobals()
  wallet?.uninstall()
  wallet = undefined
  for (const client of clients) client.close()
  clients = []
})

function client(connector: ReturnType<typeof keychain>) {
  const made = createHasClient({ app: { name: 'x' }, hosts: ['ws://127.0.0.1:9'], storage: createMemoryStorage(), connectors: [connector] })
  clients.push(made)
  return made
}

describe("a wallet's code that cannot be loaded", () => {
  it('ends a Keychain login as a retryable connection error; Keychain is asked nothing', async () => {
    wallet = installFakeKeychain({ accounts: ['alice'], chain })
    const app = client(keychain())
    await expect(authenticate(app, { connector: 'keychain', account: 'alice' })).rejects.toMatchObject({
      code: 'connection',
      retryable: true,
      shortMessage: 'The code for Hive Keychain could not be loaded.',
    })
    expect(app.getState().requests).toEqual([])
    expect(app.getState().last.auth).toMatchObject({ status: 'failed', error: { code: 'connection' } })
    expect(wallet.requests).toEqual([])
  })

  it('ends a HiveSigner login the same way and closes the window the click opened', async () => {
    const popup = { closed: false, close: () => void (popup.closed = true) }
    vi.stubGlobal('open', () => popup)
    const app = client(hiveSigner({ app: 'my.app', callbackUrl: 'https://dapp.example/cb' }))
    await expect(authenticate(app, { connector: 'hivesigner', account: 'alice' })).rejects.toMatchObject({ code: 'connection', retryable: true })
    expect(popup.closed).toBe(true)
  })
})
