import { createHasClient, type HasClient, type HasClientOptions } from '../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import type { RelayFrame, RelayOptions } from '../../src/devkit/relay'
import { startRelay, type RunningRelay } from '../../src/devkit/server'
import { createWallet, type Wallet, type WalletOptions } from '../../src/devkit/wallet'
import { createChain, type DevkitChain } from '../../src/devkit/chain'
import { type AuthenticateParameters, authenticate } from '../../src/core/actions/authenticate'

/** A relay on 127.0.0.1 (random port), a wallet, and a client, all over real WebSockets. */
export interface Harness {
  server: RunningRelay
  /** The Hive node the wallet broadcasts to and the client checks against (in memory). */
  chain: DevkitChain
  wallet: Wallet
  client: HasClient
  frames: RelayFrame[]
  /** Logs in through the wallet by "scanning" the deep link as soon as the relay says wait. */
  login(account?: string, extra?: Partial<AuthenticateParameters>): ReturnType<typeof authenticate>
  close(): Promise<void>
}

export async function createHarness(
  options: { relay?: RelayOptions; wallet?: Partial<WalletOptions>; client?: Partial<HasClientOptions> } = {},
): Promise<Harness> {
  const frames: RelayFrame[] = []
  const server = await startRelay({ ...options.relay, onFrame: (f) => frames.push(f) })
  const chain = createChain({ accounts: ['alice', 'bob'] })
  const wallet = createWallet({ url: server.url, accounts: ['alice', 'bob'], chain, ...options.wallet })
  await wallet.connect()
  const client = createHasClient({
    app: { name: 'Devkit test dApp' },
    hosts: [server.url],
    storage: createMemoryStorage(),
    reconnectDelaysMs: [50, 100, 200],
    chain: { nodes: [chain.url], fetch: chain.fetch },
    ...options.client,
  })
  return {
    server,
    chain,
    wallet,
    client,
    frames,
    login(account = 'alice', extra = {}) {
      return authenticate(client, {
        account,
        ...extra,
        onWait: (pending) => {
          extra.onWait?.(pending)
          void wallet.scan(pending.deepLink).catch(() => {})
        },
      })
    },
    async close() {
      client.close()
      wallet.close()
      await server.close()
    },
  }
}
