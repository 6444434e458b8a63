import { createServer, type Server } from 'node:http'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { afterAll, it } from 'vitest'
import { createLoginMessage, generateNonce } from '../src/core/chain/loginMessage'
import { createChain } from '../src/devkit/chain'
import { createDevkitAccount } from '../src/devkit/accounts'
import { signMessage } from '../src/devkit/keys'
import { createInFlightLimit } from '../src/server/inFlightLimit'
import { createMemoryStore } from '../src/server/createMemoryStore'
import { issueNonce } from '../src/server/nonces'
import { verifyLogin } from '../src/server/verifyLogin'

// A server's verifyLogin under a flood of junk logins: Hive API calls per attempt, memory, event-loop lag. The nodes
// are devkit nodes over HTTP on 127.0.0.1, and one node that streams junk slowly (the costliest answer to hold).

const servers: Server[] = []
afterAll(() => {
  for (const s of servers) {
    s.closeAllConnections()
    s.close()
  }
})
async function listen(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

it('a flood of junk logins: node calls per attempt, RSS, event-loop lag', async () => {
  const chain = createChain()
  let calls = 0
  const honest = await listen((req, res) => {
    calls++
    let body = ''
    req.on('data', (c: Buffer) => void (body += c))
    req.on('end', () => res.end(JSON.stringify(chain.handle(JSON.parse(body)))))
  })
  const twin = await listen((req, res) => {
    calls++
    let body = ''
    req.on('data', (c: Buffer) => void (body += c))
    req.on('end', () => res.end(JSON.stringify(chain.handle(JSON.parse(body)))))
  })
  // Streams 16 KiB every 20 ms, forever: a check waits on it until the honest pair agrees.
  const slowJunk = await listen((_req, res) => {
    calls++
    res.writeHead(200, { 'content-type': 'application/json' })
    const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(Buffer.alloc(16 * 1024, 'x'))), 20)
  })
  const store = createMemoryStore()
  const limit = createInFlightLimit()
  const alice = createDevkitAccount('alice')
  const mallory = createDevkitAccount('mallory')
  const lag = monitorEventLoopDelay({ resolution: 10 })
  const run = async (label: string, attempts: number, concurrency: number, make: () => Promise<{ message: string; signature: string }>) => {
    calls = 0
    const rssBefore = process.memoryUsage().rss
    let peakRss = rssBefore
    const outcomes: Record<string, number> = {}
    lag.reset()
    lag.enable()
    const t0 = performance.now()
    let next = 0
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < attempts) {
          const login = await make()
          const result = await verifyLogin({
            ...login,
            store,
            limit,
            domain: 'example.com',
            nodes: [slowJunk, honest, twin],
            cacheMs: 0,
          } as Parameters<typeof verifyLogin>[0]).catch((e: Error) => ({ code: e.name }))
          const code = 'valid' in result && result.valid ? 'valid' : (result.code ?? 'invalid')
          outcomes[code] = (outcomes[code] ?? 0) + 1
          peakRss = Math.max(peakRss, process.memoryUsage().rss)
        }
      }),
    )
    lag.disable()
    const seconds = (performance.now() - t0) / 1000
    console.log(
      `${label.padEnd(52)} ${Math.round(attempts / seconds)} attempts/s, ${(calls / attempts).toFixed(2)} node calls/attempt, ` +
        `RSS +${((peakRss - rssBefore) / 2 ** 20).toFixed(1)} MiB (peak ${(peakRss / 2 ** 20).toFixed(0)} MiB), ` +
        `event-loop lag p99 ${(lag.percentile(99) / 1e6).toFixed(1)} ms, outcomes ${JSON.stringify(outcomes)}`,
    )
  }
  const message = (nonce: string) => createLoginMessage({ domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce })
  await run('junk: nonces never issued, random signatures', 4000, 50, async () => ({
    message: message(generateNonce()),
    signature: '20'.padEnd(130, '1'),
  }))
  await run('junk with issued nonces: mallory signs for alice', 400, 400, async () => {
    const text = message(await issueNonce(store))
    return { message: text, signature: signMessage(text, mallory.keys.posting!) }
  })
  await run('honest logins under the same load', 200, 50, async () => {
    const text = message(await issueNonce(store))
    return { message: text, signature: signMessage(text, alice.keys.posting!) }
  })
})
