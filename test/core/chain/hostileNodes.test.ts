import { createServer, type RequestListener, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { confirmTransaction } from '../../../src/core/chain/confirmTransaction'
import { createLoginMessage } from '../../../src/core/chain/loginMessage'
import { verifyChallenge } from '../../../src/core/chain/verifyChallenge'
import { verifyLoginMessage } from '../../../src/core/chain/verifyLoginMessage'
import { HasConnectionError } from '../../../src/core/errors/HasConnectionError'
import { createDevkitAccount } from '../../../src/devkit/accounts'
import { createChain, type DevkitChain } from '../../../src/devkit/chain'
import { signMessage } from '../../../src/devkit/keys'

// Hive API nodes that lie, stall, flood or talk nonsense, on 127.0.0.1: a verification believes only what two nodes
// agree on, reads at most 1 MiB of any answer, and ends by one deadline.

const servers: Server[] = []
async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}
afterAll(() => {
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
})

/** A node serving `chain`, after `delayMs`, counting its hits. */
async function nodeFor(chain: DevkitChain, delayMs = 0) {
  const node = { url: '', hits: 0 }
  node.url = await listen((req, res) => {
    node.hits++
    let body = ''
    req.on('data', (c: Buffer) => void (body += c))
    req.on('end', () =>
      setTimeout(() => {
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(chain.handle(JSON.parse(body))))
      }, delayMs),
    )
  })
  return node
}

const alice = createDevkitAccount('alice')
const mallory = createDevkitAccount('mallory')
const fields = { domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce: 'n0nce1234567', statement: 'Log in to Example.' }
let honest: { url: string; hits: number }
let honestTwin: { url: string; hits: number }
let slowHonest: { url: string; hits: number }
let lying: { url: string; hits: number }
let absurd: { url: string; hits: number }
let junk = ''
let flood = ''
let floodSent = 0
let hung = ''

beforeAll(async () => {
  const truth = createChain({ accounts: ['alice', 'bob'] })
  const lie = createChain({ accounts: ['alice', 'bob'] })
  lie.update('alice', (a) => {
    a.posting.key_auths = [[mallory.publicKeys.posting, 1]] // the lying node says mallory's key is alice's
  })
  const nonsense = createChain({ accounts: ['alice'] })
  nonsense.update('alice', (a) => {
    a.posting = { weight_threshold: -1, account_auths: [], key_auths: [[mallory.publicKeys.posting, 0]] } // "weight 0 meets threshold −1"
  })
  honest = await nodeFor(truth)
  honestTwin = await nodeFor(truth)
  slowHonest = await nodeFor(truth, 400)
  lying = await nodeFor(lie)
  absurd = await nodeFor(nonsense)
  junk = await listen((_req, res) => res.writeHead(200).end('<html>502 Bad Gateway</html>'))
  hung = await listen(() => {}) // accepts, never answers
  flood = await listen((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' })
    const chunk = Buffer.alloc(64 * 1024, 'x')
    const pump = () => {
      while (!res.destroyed && floodSent < 64 * 1024 * 1024 && res.write(chunk)) floodSent += chunk.length
      if (!res.destroyed && floodSent < 64 * 1024 * 1024) res.once('drain', pump)
    }
    pump()
  })
})

async function forgedLogin(nodes: string[], extra: { timeoutMs?: number } = {}) {
  const message = createLoginMessage(fields)
  const signature = signMessage(message, mallory.keys.posting!) // mallory signs a login for alice
  return verifyLoginMessage({ message, signature, domain: 'example.com', nodes, cacheMs: 0, ...extra } as Parameters<typeof verifyLoginMessage>[0])
}

describe('a lying node cannot forge a login', () => {
  it.each([
    ['[lying, honest]', () => [lying.url, honest.url]],
    ['[junk, lying, honest]', () => [junk, lying.url, honest.url]],
    ['[slow honest, lying]', () => [slowHonest.url, lying.url]],
    ['[lying, the same liar spelled twice more, honest]', () => [lying.url, `${lying.url}/#`, `${lying.url.toUpperCase()}/`, honest.url]],
  ])('%s: the nodes disagree, nothing is believed', async (_, nodes) => {
    const result = await forgedLogin(nodes()).catch((e: unknown) => e)
    expect(result).toMatchObject({ valid: false, code: 'nodes_disagree' })
  })

  it('[lying, honest, honest twin]: the honest pair agrees, and the forged key does not prove alice', async () => {
    expect(await forgedLogin([lying.url, honest.url, honestTwin.url])).toMatchObject({ valid: false, code: 'key_not_authorized' })
  })

  it('a node answering a threshold of −1 and a weight of 0 is junk, not an answer', async () => {
    await expect(forgedLogin([absurd.url])).rejects.toBeInstanceOf(HasConnectionError)
    const lone = await forgedLogin([absurd.url, honest.url]).catch((e: unknown) => e)
    expect(lone).toBeInstanceOf(HasConnectionError)
    expect((lone as HasConnectionError).details).toMatch(/only 1 of 2 nodes answered/)
  })

  it('a lying node cannot confirm a transaction that never existed', async () => {
    const txid = 'ab'.repeat(20)
    const liar = await listen((_req, res) =>
      res.end(JSON.stringify({ jsonrpc: '2.0', id: 1, result: { operations: [['vote', {}]], block_num: 1, transaction_id: txid } })),
    )
    await expect(confirmTransaction({ txid, nodes: [liar, honest.url] })).resolves.toMatchObject({ confirmed: false, reason: /disagree/ })
    await expect(confirmTransaction({ txid, nodes: [honest.url, honestTwin.url] })).resolves.toMatchObject({ confirmed: false })
  })

  it('two honest nodes agreeing verify a genuine login; a single configured node is trusted as it is', async () => {
    const message = createLoginMessage(fields)
    const signature = signMessage(message, alice.keys.posting!)
    const check = (nodes: string[]) => verifyLoginMessage({ message, signature, domain: 'example.com', nodes })
    await expect(check([honest.url, honestTwin.url])).resolves.toMatchObject({ valid: true, signature })
    await expect(check([honest.url])).resolves.toMatchObject({ valid: true })
    await expect(forgedLogin([lying.url])).resolves.toMatchObject({ valid: true }) // why the docs ask for two nodes or more
  })
})

describe('one bad node blocks nobody', () => {
  const genuine = () => {
    const message = createLoginMessage(fields)
    return { message, signature: signMessage(message, alice.keys.posting!) }
  }
  const honestLogin = (nodes: string[], extra: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
    verifyLoginMessage({ ...genuine(), domain: 'example.com', nodes, cacheMs: 0, ...extra } as Parameters<typeof verifyLoginMessage>[0])

  it.each([
    ['a liar first', () => [lying.url, honest.url, honestTwin.url, slowHonest.url]],
    ['a liar second', () => [honest.url, lying.url, honestTwin.url, slowHonest.url]],
    ['junk first', () => [junk, honest.url, lying.url, honestTwin.url]],
    ['a hung node first', () => [hung, honest.url, honestTwin.url]],
  ])('%s among four: an honest login is verified (the next nodes are asked)', async (_, nodes) => {
    await expect(honestLogin(nodes())).resolves.toMatchObject({ valid: true })
  })

  it('a disagreement that never resolves says nodes_disagree at the deadline, not a connection error', async () => {
    await expect(honestLogin([lying.url, honest.url, hung], { timeoutMs: 900 })).resolves.toMatchObject({ valid: false, code: 'nodes_disagree' })
  })

  it('two spellings of one honest node are one node: it cannot agree with itself', async () => {
    const error = await honestLogin([honest.url, `${honest.url}/`, `${honest.url}#x`], { timeoutMs: 900 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasConnectionError)
  })

  it("the caller's signal stops the asking at once", async () => {
    const controller = new AbortController()
    const hits = honest.hits
    setTimeout(() => controller.abort(), 100)
    const started = performance.now()
    const error = await honestLogin([hung, `${hung}/2`, `${hung}/3`, honest.url], { signal: controller.signal }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasConnectionError)
    expect((error as HasConnectionError).shortMessage).toMatch(/aborted/)
    expect(performance.now() - started).toBeLessThan(450)
    await new Promise((r) => setTimeout(r, 600)) // past the hedge: no node is asked after the abort
    expect(honest.hits).toBe(hits)
  })
})

describe('a node cannot exhaust a server', () => {
  it('an answer streaming junk is cut at 1 MiB, and the honest nodes still decide', async () => {
    const message = createLoginMessage(fields)
    const signature = signMessage(message, alice.keys.posting!)
    const before = process.memoryUsage().rss
    const result = await verifyLoginMessage({ message, signature, domain: 'example.com', nodes: [flood, honest.url, honestTwin.url] })
    expect(result).toMatchObject({ valid: true })
    const alone = await forgedLogin([flood], { timeoutMs: 3000 }).catch((e: unknown) => e)
    expect(alone).toBeInstanceOf(HasConnectionError)
    expect((alone as HasConnectionError).details).toMatch(/too large/)
    expect(floodSent).toBeLessThan(32 * 1024 * 1024) // the reader stopped long before the node ran dry
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024)
  })

  it('hung nodes cost one deadline in all, not one per node', async () => {
    const started = performance.now()
    const error = await forgedLogin([hung, hung.replace('127.0.0.1', 'localhost'), `${hung}/a`, `${hung}/b`], { timeoutMs: 600 }).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(HasConnectionError)
    expect(performance.now() - started).toBeLessThan(1500)
  })

  it('hung nodes first in the list cost half a second, not the deadline: the next nodes are asked meanwhile', async () => {
    const message = createLoginMessage(fields)
    const signature = signMessage(message, alice.keys.posting!)
    const started = performance.now()
    const result = await verifyLoginMessage({ message, signature, domain: 'example.com', nodes: [hung, `${hung}/2`, honest.url, honestTwin.url] })
    expect(result).toMatchObject({ valid: true })
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('concurrent checks of one account share one lookup per node', async () => {
    const a = await nodeFor(createChain({ accounts: ['alice'] }))
    const b = await nodeFor(createChain({ accounts: ['alice'] }))
    const message = 'prove it'
    const signature = signMessage(message, alice.keys.posting!)
    const results = await Promise.all(
      Array.from({ length: 20 }, () => verifyChallenge({ account: 'alice', keyType: 'posting', message, signature, nodes: [a.url, b.url] })),
    )
    expect(results.every((r) => r.valid)).toBe(true)
    expect([a.hits, b.hits]).toEqual([1, 1])
  })
})
