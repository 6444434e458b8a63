import { createServer, type Server } from 'node:http'
import { afterAll, it } from 'vitest'
import { createLoginMessage, generateNonce } from '../src/core/chain/loginMessage'
import { verifyChallenge } from '../src/core/chain/verifyChallenge'
import { verifyLoginMessage } from '../src/core/chain/verifyLoginMessage'
import { recoverPublicKey } from '../src/core/crypto/signatures'
import { createDevkitAccount } from '../src/devkit/accounts'
import { createChain, type DevkitChain } from '../src/devkit/chain'
import { signMessage } from '../src/devkit/keys'

// Verifications per second, and what a node down costs an honest login. Nodes are devkit nodes over HTTP on
// 127.0.0.1 (each its own server), so the numbers leave out the network's latency: add your nodes'.

const servers: Server[] = []
afterAll(() => {
  for (const s of servers) {
    s.closeAllConnections()
    s.close()
  }
})

/** A node on 127.0.0.1 answering for `chain` after `delayMs`, or a dead one that accepts and never answers. */
async function node(chain: DevkitChain | 'dead', delayMs = 0): Promise<string> {
  const server = createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => void (body += c))
    req.on('end', () => {
      if (chain === 'dead') return
      setTimeout(() => res.end(JSON.stringify(chain.handle(JSON.parse(body)))), delayMs)
    })
  })
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

it('verifications per second, one node and two agreeing', async () => {
  const chain = createChain()
  const [a, b] = [await node(chain), await node(chain)]
  const alice = createDevkitAccount('alice')
  const message = createLoginMessage({ domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce: generateNonce() })
  const signature = signMessage(message, alice.keys.posting!)
  const rate = async (label: string, n: number, fn: () => unknown) => {
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await Promise.resolve(fn()).catch((e: { details?: string }) => console.log(label, i, e.details))
    const seconds = (performance.now() - t0) / 1000
    console.log(
      `${label.padEnd(70)} ${Math.round(n / seconds)
        .toString()
        .padStart(6)} per second`,
    )
  }
  for (let i = 0; i < 50; i++) recoverPublicKey(message, signature) // warm-up
  await rate('recoverPublicKey (secp256k1 recovery alone)', 2000, () => recoverPublicKey(message, signature))
  const check = (nodes: string[], cacheMs?: number) =>
    verifyLoginMessage({ message, signature, domain: 'example.com', nodes, ...(cacheMs === undefined ? {} : { cacheMs }) } as Parameters<
      typeof verifyLoginMessage
    >[0])
  await rate('verifyLoginMessage, 1 node, account cached (30 s)', 2000, () => check([a]))
  await rate('verifyLoginMessage, 2 nodes agreeing, account cached', 2000, () => check([a, b]))
  await rate('verifyLoginMessage, 1 node over HTTP, account read every time', 500, () => check([a], 0))
  await rate('verifyLoginMessage, 2 nodes over HTTP (both asked), account read every time', 500, () => check([a, b], 0))
  await rate('verifyChallenge, 2 nodes over HTTP, account read every time', 500, () =>
    verifyChallenge({ account: 'alice', keyType: 'posting', message, signature, nodes: [a, b], cacheMs: 0 } as Parameters<typeof verifyChallenge>[0]),
  )
})

it('what an honest login pays when one of four nodes is down, hung or lying (p50 / p99)', async () => {
  const chain = createChain()
  const lie = createChain()
  lie.update('alice', (a) => {
    a.posting.key_auths = [[createDevkitAccount('mallory').publicKeys.posting, 1]]
  })
  const alice = createDevkitAccount('alice')
  const message = createLoginMessage({ domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce: generateNonce() })
  const signature = signMessage(message, alice.keys.posting!)
  // Four nodes answering in 20–50 ms, as public nodes do from nearby.
  const healthy = [await node(chain, 20), await node(chain, 30), await node(chain, 40), await node(chain, 50)]
  const hung = await node('dead') // accepts, never answers
  const down = 'http://127.0.0.1:9' // nothing listens: the connection is refused at once
  const liar = await node(lie, 20)
  const percentiles = async (nodes: string[]) => {
    const times: number[] = []
    for (let i = 0; i < 60; i++) {
      const t0 = performance.now()
      const result = await verifyLoginMessage({ message, signature, domain: 'example.com', nodes, cacheMs: 0 } as Parameters<
        typeof verifyLoginMessage
      >[0])
      if (!result.valid) throw new Error(`an honest login did not verify: ${result.code}`)
      times.push(performance.now() - t0)
    }
    times.sort((x, y) => x - y)
    return `p50 ${times[29]!.toFixed(1).padStart(6)} ms  p99 ${times[59]!.toFixed(1).padStart(6)} ms`
  }
  for (const [label, nodes] of [
    ['all four up', healthy],
    ['one down (refused)', [down, ...healthy.slice(1)]],
    ['one hung, first', [hung, ...healthy.slice(1)]],
    ['one lying, first', [liar, ...healthy.slice(1)]],
    ['two of four down', [down, healthy[1]!, `${hung}/2`, healthy[3]!]],
  ] as const) {
    console.log(`honest login, ${label.padEnd(20)} ${await percentiles([...nodes])} (nodes answer in 20–50 ms)`)
  }
})
