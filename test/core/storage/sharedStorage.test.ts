import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHasClient, type HasClient } from '../../../src/core/client/createHasClient'
import { HasStorageError } from '../../../src/core/errors/HasStorageError'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import { createPersistence } from '../../../src/core/storage/createPersistence'
import type { HasStorage } from '../../../src/core/storage/HasStorage'
import { MAX_STORED_SESSIONS, readStoredState, STORAGE_KEY } from '../../../src/core/storage/sessionRecords'
import type { HasSession } from '../../../src/core/types'

const clients: HasClient[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const c of clients.splice(0)) c.close()
})

const session = (account: string, expire = Date.now() + 3_600_000): HasSession => ({
  account,
  key: `key-${account}`,
  expire,
  host: 'wss://relay.example',
})
const seed = (storage: HasStorage, sessions: HasSession[]) =>
  storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions, pending: [], nonce: 0 }))
const open = (storage: HasStorage, onError?: (e: unknown) => void) => {
  const client = createHasClient({ app: { name: 'tabs' }, hosts: ['ws://127.0.0.1:9'], storage, onError })
  clients.push(client)
  return client
}

describe('storage shared by several tabs', () => {
  it('two logouts in two tabs both hold: a fresh tab is logged in as nobody', () => {
    const storage = createMemoryStorage()
    seed(storage, [session('alice'), session('bob')])
    const tabA = open(storage)
    const tabB = open(storage)
    tabA.logout('alice')
    tabB.logout('bob') // tab B still believed alice was logged in; it must not write her back
    expect(open(storage).getState().sessions).toEqual([])
    expect(tabB.getState().sessions).toEqual([])
  })

  it('when another tab writes over a logout or a login of ours at the same instant, we write it again on its storage event', () => {
    const inner = createMemoryStorage()
    const listeners: (() => void)[] = []
    const storage: HasStorage = {
      ...inner,
      getItem: (k) => inner.getItem(k),
      setItem: (k, v) => inner.setItem(k, v),
      removeItem: (k) => inner.removeItem(k),
      subscribe: (_k, fn) => (listeners.push(fn), () => {}),
    }
    seed(storage, [session('carol'), session('alice')])
    const tab = open(storage)
    tab.logout('carol')
    const dave = session('dave')
    // A racing tab that read before our write now writes its own (stale) list: carol is back, and our state is lost.
    seed(storage, [session('carol'), session('alice')])
    for (const fire of listeners) fire()
    expect(readStoredState(storage, Date.now())?.sessions.map((s) => s.account)).toEqual(['alice'])
    expect(tab.getState().sessions.map((s) => s.account)).toEqual(['alice'])
    // A session another tab logs in is kept; one whose key we logged out stays out even if written back once more.
    seed(storage, [session('carol'), session('alice'), dave])
    for (const fire of listeners) fire()
    expect(readStoredState(storage, Date.now())?.sessions.map((s) => s.account)).toEqual(['alice', 'dave'])
  })

  it('a login in one tab does not undo a logout made in another meanwhile', () => {
    const storage = createMemoryStorage()
    seed(storage, [session('alice')])
    const tabA = open(storage)
    const tabB = open(storage)
    tabA.logout('alice')
    tabB.switchAccount('alice') // stale in B: alice is gone from storage, so B does not resurrect her
    expect(
      open(storage)
        .getState()
        .sessions.map((s) => s.account),
    ).toEqual([])
  })

  it('nonces strictly increase across tabs and reloads, even within one millisecond', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_800_000_000_000)
    const storage = createMemoryStorage()
    const tabA = createPersistence(storage, () => {})
    const tabB = createPersistence(storage, () => {})
    const nonces = [tabA.nextNonce(), tabB.nextNonce(), tabA.nextNonce(), tabB.nextNonce(), createPersistence(storage, () => {}).nextNonce()]
    for (let i = 1; i < nonces.length; i++) expect(nonces[i]!).toBeGreaterThan(nonces[i - 1]!)
    expect(nonces[0]).toBe(1_800_000_000_000)
  })

  it('stored records stay bounded, and reading 1,000 sessions keeps the most recent', () => {
    const storage = createMemoryStorage()
    const many = Array.from({ length: 1000 }, (_, i) => session(`user${String(i).padStart(4, '0')}`))
    seed(storage, many)
    const client = open(storage)
    expect(client.getState().sessions).toHaveLength(MAX_STORED_SESSIONS)
    expect(client.getState().sessions[0]?.account).toBe('user0000')
    client.logout('user0001')
    expect(readStoredState(storage, Date.now())?.sessions).toHaveLength(MAX_STORED_SESSIONS - 1)
  })
})

describe('storage that fails', () => {
  it('a logout sticks when removeItem throws (an empty record is written instead)', () => {
    const inner = createMemoryStorage()
    const storage: HasStorage = {
      getItem: (k) => inner.getItem(k),
      setItem: (k, v) => inner.setItem(k, v),
      removeItem: () => {
        throw new Error('SecurityError')
      },
    }
    seed(storage, [session('alice')])
    const errors: unknown[] = []
    open(storage, (e) => errors.push(e)).logout()
    expect(open(storage).getState().sessions).toEqual([]) // "after a reload"
    expect(errors).toEqual([])
  })

  it('when nothing can be written, the logout holds in memory and onError says it will not survive a reload', () => {
    const inner = createMemoryStorage()
    seed(inner, [session('alice')])
    const storage: HasStorage = {
      getItem: (k) => inner.getItem(k),
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {
        throw new Error('SecurityError')
      },
    }
    const errors: unknown[] = []
    const client = open(storage, (e) => errors.push(e))
    client.logout()
    expect(client.getState().sessions).toEqual([])
    expect(errors).toHaveLength(1)
    expect(errors[0]).toBeInstanceOf(HasStorageError)
    expect(errors[0]).toMatchObject({ code: 'storage', name: 'HasStorageError' })
  })
})
