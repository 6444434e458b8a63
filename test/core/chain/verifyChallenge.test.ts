import { createServer, type RequestListener, type Server } from 'node:http'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { verifyChallenge } from '../../../src/core/chain/verifyChallenge'
import { HasConnectionError } from '../../../src/core/errors/HasConnectionError'
import { createDevkitAccount } from '../../../src/devkit/accounts'
import { createChain, type DevkitChain } from '../../../src/devkit/chain'
import { type RunningChainNode, startChainNode } from '../../../src/devkit/chainServer'
import { signMessage } from '../../../src/devkit/keys'

// verifyChallenge against the devkit's Hive node over HTTP on 127.0.0.1, and against nodes that fail in every way.

let chain: DevkitChain
let node: RunningChainNode
let twin: RunningChainNode // a second honest node serving the same chain
const servers: Server[] = []
let dead = ''
let junk = ''
let slow = ''
let slowHits = 0

async function listen(handler: RequestListener): Promise<string> {
  const server = createServer(handler)
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`
}

beforeAll(async () => {
  chain = createChain({ accounts: ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'] })
  node = await startChainNode(chain)
  twin = await startChainNode(chain)
  junk = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"result":"<html>not an account list</html>"}'))
  slow = await listen(() => void slowHits++) // never answers
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  dead = `http://127.0.0.1:${(closed.address() as { port: number }).port}`
  await new Promise((resolve) => closed.close(resolve))
})
afterAll(async () => {
  vi.useRealTimers()
  await node.close()
  await twin.close()
  for (const server of servers) {
    server.closeAllConnections()
    server.close()
  }
})

const keys = (name: string) => createDevkitAccount(name)
const sign = (name: string, role: 'posting' | 'active' | 'memo', message = 'log me in') => signMessage(message, keys(name).keys[role]!)
const verify = (account: string, keyType: 'posting' | 'active' | 'memo', signature: string, nodes = [node.url]) =>
  verifyChallenge({ account, keyType, message: 'log me in', signature, nodes, cacheMs: 0 } as Parameters<typeof verifyChallenge>[0])

describe('verifyChallenge on chain', () => {
  it('one key: the posting key of the account is valid, and the key is returned', async () => {
    await expect(verify('alice', 'posting', sign('alice', 'posting'))).resolves.toEqual({ valid: true, publicKey: keys('alice').publicKeys.posting })
  })

  it('one of several keys, not the first, is valid', async () => {
    chain.update('bob', (a) => {
      a.posting.key_auths = [
        [keys('carol').publicKeys.posting, 1],
        [keys('bob').publicKeys.posting, 1],
      ]
    })
    await expect(verify('bob', 'posting', sign('bob', 'posting'))).resolves.toMatchObject({ valid: true })
  })

  it('a threshold one key cannot meet alone is invalid, with the reason', async () => {
    chain.update('carol', (a) => {
      a.posting = {
        weight_threshold: 2,
        account_auths: [],
        key_auths: [
          [keys('carol').publicKeys.posting, 1],
          [keys('dave').publicKeys.posting, 1],
        ],
      }
    })
    const result = await verify('carol', 'posting', sign('carol', 'posting'))
    expect(result).toMatchObject({ valid: false, publicKey: keys('carol').publicKeys.posting })
    expect(result.reason).toMatch(/below the posting threshold/)
  })

  it('a removed key is invalid', async () => {
    chain.update('dave', (a) => {
      a.posting.key_auths = [[keys('erin').publicKeys.posting, 1]]
    })
    const result = await verify('dave', 'posting', sign('dave', 'posting'))
    expect(result.valid).toBe(false)
    expect(result.reason).toMatch(/not a posting key of @dave/)
  })

  it('the wrong role is invalid (an active key for a posting check), and the memo role checks the memo key', async () => {
    const wrong = await verify('erin', 'posting', sign('erin', 'active'))
    expect(wrong).toMatchObject({ valid: false })
    expect(wrong.reason).toMatch(/active key of @erin, not a posting key/)
    await expect(verify('erin', 'memo', sign('erin', 'memo'))).resolves.toMatchObject({ valid: true })
    await expect(verify('erin', 'memo', sign('erin', 'posting'))).resolves.toMatchObject({ valid: false })
  })

  it('an unknown account, another message, and a malformed signature are invalid, never errors', async () => {
    await expect(verify('nobody-here', 'posting', sign('alice', 'posting'))).resolves.toMatchObject({
      valid: false,
      reason: '@nobody-here does not exist',
    })
    await expect(verify('alice', 'posting', sign('alice', 'posting', 'another message'))).resolves.toMatchObject({ valid: false })
    await expect(verify('alice', 'posting', 'zz')).resolves.toMatchObject({ valid: false })
    await expect(verify('Not A Name', 'posting', sign('alice', 'posting'))).resolves.toMatchObject({ valid: false })
  })

  it('asks the next nodes past a dead node and a node answering junk, until two agree', async () => {
    await expect(verify('frank', 'posting', sign('frank', 'posting'), [dead, junk, node.url, twin.url])).resolves.toMatchObject({ valid: true })
  })

  it('a node that never answers costs nothing while two others agree (one more node is always asked)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const result = verify('frank', 'posting', sign('frank', 'posting'), [slow, node.url, twin.url])
    await expect(result).resolves.toMatchObject({ valid: true })
    expect(slowHits).toBeGreaterThan(0)
    vi.useRealTimers()
  })

  it('all nodes failing is a typed error, never valid: true', async () => {
    const error = await verify('frank', 'posting', sign('frank', 'posting'), [dead, junk]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasConnectionError)
    expect((error as HasConnectionError).details).toMatch(/no node answered.*cannot use/)
  })
})
