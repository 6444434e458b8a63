import { afterEach, describe, expect, it, vi } from 'vitest'
import { walletTurn } from '../../../src/core/connectors/walletCalls'

// walletTurn under Web Locks (a unit test with an in-memory lock manager of the spec's semantics: one holder per name,
// waiters in order, a waiter's signal aborts its wait, the lock is held until the callback's promise settles).

function fakeLocks() {
  const queues = new Map<string, (() => void)[]>()
  const held = new Set<string>()
  const grant = (name: string) => {
    const next = queues.get(name)?.shift()
    if (next) next()
    else held.delete(name)
  }
  return {
    request<T>(name: string, options: { signal: AbortSignal }, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const run = () => {
          held.add(name)
          task()
            .then(resolve, reject)
            .finally(() => grant(name))
        }
        if (options.signal.aborted) return reject(new DOMException('aborted', 'AbortError'))
        if (!held.has(name)) return run()
        const queue = queues.get(name) ?? []
        queues.set(name, queue)
        queue.push(run)
        options.signal.addEventListener('abort', () => {
          const i = queue.indexOf(run)
          if (i >= 0) {
            queue.splice(i, 1)
            reject(new DOMException('aborted', 'AbortError'))
          }
        })
      })
    },
  }
}

afterEach(() => vi.unstubAllGlobals())

describe('walletTurn with Web Locks', () => {
  it('one request per wallet at a time: the second waits for the first to be answered', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() })
    const order: string[] = []
    let answerFirst!: (v: string) => void
    const first = walletTurn('com.hive.keychain', new AbortController().signal, () => {
      order.push('first asked')
      return new Promise<string>((r) => (answerFirst = r))
    })
    const second = walletTurn('com.hive.keychain', new AbortController().signal, async () => {
      order.push('second asked')
      return 'second'
    })
    await Promise.resolve()
    expect(order).toEqual(['first asked'])
    answerFirst('first')
    expect(await first).toBe('first')
    expect(await second).toBe('second')
    expect(order).toEqual(['first asked', 'second asked'])
  })

  it('a cancelled request gives its turn up at once and still hears a late answer', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() })
    const controller = new AbortController()
    let answerFirst!: (v: string) => void
    const first = walletTurn('com.hive.keychain', controller.signal, () => new Promise<string>((r) => (answerFirst = r)))
    await Promise.resolve()
    controller.abort()
    const second = walletTurn('com.hive.keychain', new AbortController().signal, async () => 'second')
    expect(await second).toBe('second') // not held up by the cancelled one
    answerFirst('approved anyway')
    expect(await first).toBe('approved anyway')
  })

  it('a request cancelled while waiting for its turn never reaches the wallet', async () => {
    vi.stubGlobal('navigator', { locks: fakeLocks() })
    const asked: string[] = []
    const first = walletTurn('com.hive.keychain', new AbortController().signal, () => new Promise<string>(() => asked.push('first')))
    const controller = new AbortController()
    const second = walletTurn('com.hive.keychain', controller.signal, async () => {
      asked.push('second')
      return 'second'
    })
    controller.abort()
    await expect(second).rejects.toMatchObject({ code: 'cancelled' })
    expect(asked).toEqual(['first'])
    void first
  })
})
