import { afterEach, describe, expect, it, vi } from 'vitest'
import { authenticate } from '../../../src/core/actions/authenticate'
import { sign } from '../../../src/core/actions/sign'
import { createHasClient, type HasClient } from '../../../src/core/client/createHasClient'
import { createLazyRunner } from '../../../src/core/client/lazyRunner'
import type { RequestRunner, RequestRunnerOptions } from '../../../src/core/client/requestRunner'
import { HasCancelledError } from '../../../src/core/errors/HasCancelledError'
import { HasConnectionError } from '../../../src/core/errors/HasConnectionError'
import type { RequestSpec } from '../../../src/core/request/RequestSpec'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import type { HasRequest } from '../../../src/core/types'
import { createMemoryRelay, type MemoryRelay } from '../../../src/devkit/memory'

// The runner (sockets, machine, answers) loads on first use. These pin what a request started before it arrived gets:
// an id at once, its start in order once the code is here, and an end of its own when cancelled, closed or unloadable.

const options = { hosts: ['ws://h'], WebSocket: undefined, connectTimeoutMs: 10, reconnectDelaysMs: [10], commit() {}, isSpent: () => false }
const spec = (account: string) => ({ kind: 'auth', account }) as unknown as RequestSpec<string>

/** A runner module whose arrival the test decides, and a runner that records what it was asked. */
function controlledLoad() {
  const calls: string[] = []
  let arrive!: () => void
  let fail!: (error: Error) => void
  const runner = {
    run: (s: RequestSpec<string>, id: number) => (calls.push(`run ${s.account} #${id}`), Object.assign(Promise.resolve(`${s.account} done`), { id })),
    connect: async () => void calls.push('connect'),
    close: () => void calls.push('close'),
    cancel: (id?: number) => void calls.push(`cancel ${id}`),
  } as unknown as RequestRunner
  const module = new Promise<{ createRequestRunner(o: RequestRunnerOptions): RequestRunner }>((resolve, reject) => {
    arrive = () => resolve({ createRequestRunner: () => runner })
    fail = reject
  })
  const load = vi.fn(() => module as Promise<typeof import('../../../src/core/client/requestRunner')>)
  return { calls, load, arrive: () => arrive(), fail: (error: Error) => fail(error) }
}

describe('the runner loads on first use', () => {
  it('requests started before it arrives get their ids at once and start in order, with those ids, once it is here', async () => {
    const { calls, load, arrive } = controlledLoad()
    const runner = createLazyRunner(options, load)
    const first = runner.run(spec('alice'))
    const second = runner.run(spec('bob'))
    expect([first.id, second.id]).toEqual([1, 2])
    expect(runner.isQueued(1)).toBe(true)
    expect(calls).toEqual([])
    arrive()
    await expect(first).resolves.toBe('alice done')
    await expect(second).resolves.toBe('bob done')
    expect(calls).toEqual(['run alice #1', 'run bob #2'])
    expect(runner.isQueued(1)).toBe(false)
    const third = runner.run(spec('carol'))
    expect(calls.at(-1)).toBe('run carol #3') // straight to it, in the very call
    await third
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('a request cancelled before the code arrived ends at once, as one the wallet never saw, and never starts', async () => {
    const { calls, load, arrive } = controlledLoad()
    const runner = createLazyRunner(options, load)
    const first = runner.run(spec('alice'))
    const second = runner.run(spec('bob'))
    runner.cancel(first.id)
    await expect(first).rejects.toMatchObject({ code: 'cancelled', walletMaySign: false })
    arrive()
    await second
    expect(calls).toEqual(['run bob #2'])
  })

  it('closing before the code arrived ends the waiting requests, and the runner that arrives later is closed at once', async () => {
    const { calls, load, arrive } = controlledLoad()
    const runner = createLazyRunner(options, load)
    const waiting = runner.run(spec('alice'))
    runner.close()
    await expect(waiting).rejects.toEqual(new HasCancelledError('The client was closed.'))
    arrive()
    await vi.waitFor(() => expect(calls).toEqual(['close'])) // no socket, no request: the waiting one was never started
  })

  it('code that cannot be fetched fails the waiting requests with a retryable connection error, and the next request fetches again', async () => {
    const { load, fail } = controlledLoad()
    const runner = createLazyRunner(options, load)
    const waiting = runner.run(spec('alice'))
    fail(new Error('offline'))
    const error = await waiting.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasConnectionError)
    expect(error).toMatchObject({ retryable: true, shortMessage: 'The HiveAuth client code could not be loaded.' })
    runner.run(spec('bob')).catch(() => {})
    expect(load).toHaveBeenCalledTimes(2)
  })

  it('connect() after close() fetches nothing and opens nothing', async () => {
    const { calls, load } = controlledLoad()
    const runner = createLazyRunner(options, load)
    runner.close()
    const connecting = runner.connect()
    expect(load).not.toHaveBeenCalled()
    await connecting
    expect(calls).toEqual([])
  })

  it('connect() fetches the code, then opens the socket', async () => {
    const { calls, load, arrive } = controlledLoad()
    const runner = createLazyRunner(options, load)
    const connecting = runner.connect()
    arrive()
    await connecting
    expect(calls).toEqual(['connect'])
  })
})

describe('a client whose runner has not loaded yet', () => {
  let relay: MemoryRelay | undefined
  let client: HasClient | undefined
  afterEach(() => {
    client?.close()
    relay?.close()
  })

  it('keeps a request started then retryable: another request started meanwhile does not forget how to repeat it', async () => {
    relay = createMemoryRelay()
    relay.setOffline(true)
    client = createHasClient({
      app: { name: 'Lazy' },
      hosts: [relay.url],
      WebSocket: relay.WebSocket,
      storage: createMemoryStorage(),
      connectTimeoutMs: 50,
    })
    const login: HasRequest<unknown> = authenticate(client, { account: 'alice' })
    const signing = sign(client, {
      account: 'alice',
      keyType: 'posting',
      ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 1 }]],
    })
    await expect(signing).rejects.toMatchObject({ code: 'not_authenticated' })
    await expect(login).rejects.toMatchObject({ code: 'connection', retryable: true })
    relay.setOffline(false)
    const again = client.retry(login.id)
    await vi.waitFor(() => expect(client?.getState().requests).toMatchObject([{ id: again.id, status: 'waiting' }]))
    client.cancel()
    await again.catch(() => {})
  })
})
