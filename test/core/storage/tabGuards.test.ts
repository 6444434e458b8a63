import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHasClient, type HasClient } from '../../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import { createPersistence } from '../../../src/core/storage/createPersistence'
import type { HasStorage } from '../../../src/core/storage/HasStorage'
import { readStoredState, STORAGE_KEY } from '../../../src/core/storage/sessionRecords'
import type { RequestRecord } from '../../../src/core/request/RequestRecord'
import { createHarness, type Harness } from '../../support/devkitHarness'

// Tabs of one origin share one stored record; each tab keeps its own logins, logouts and waiting requests in it.

let h: Harness | undefined
const clients: HasClient[] = []
afterEach(async () => {
  vi.unstubAllGlobals()
  for (const c of clients.splice(0)) c.close()
  await h?.close()
  h = undefined
})

/** Memory storage that announces writes made "by another tab" (the test) when told to. */
function sharedStorage() {
  const inner = createMemoryStorage()
  const listeners: (() => void)[] = []
  const storage: HasStorage = { ...inner, subscribe: (_key, fn) => (listeners.push(fn), () => {}) }
  return {
    storage,
    otherTabWrote: () => {
      for (const fire of listeners) fire()
    },
  }
}

const record = (uuid: string, tab: string, host: string): RequestRecord => ({
  kind: 'auth',
  account: 'alice',
  key: `key-${uuid}`,
  uuid,
  expire: Date.now() + 60_000,
  host,
  tab,
})

describe('tabs sharing storage', () => {
  it('our own login, written over by another tab that had not seen it, is written again', async () => {
    const { storage, otherTabWrote } = sharedStorage()
    h = await createHarness({ client: { storage } })
    await h.login('alice')
    const stale = JSON.parse(storage.getItem(STORAGE_KEY)!) as { sessions: unknown[] }
    storage.setItem(STORAGE_KEY, JSON.stringify({ ...stale, sessions: [] })) // a racing tab's stale list
    otherTabWrote()
    expect(readStoredState(storage, Date.now())?.sessions.map((s) => s.account)).toEqual(['alice'])
    expect(h.client.getSession('alice')).toBeDefined()
  })

  it('writing this tab’s waiting requests keeps the other tabs’ ones', () => {
    const storage = createMemoryStorage()
    const tabB = createPersistence(storage, () => {})
    tabB.write({ records: [record('from-b', 'B', 'ws://h')] })
    const tabA = createPersistence(storage, () => {})
    tabA.write({ records: [record('from-a', 'A', 'ws://h')] })
    tabA.write({ records: [] }) // tab A's request ended: only its own record goes
    expect(readStoredState(storage, Date.now())?.pending.map((r) => r.uuid)).toEqual(['from-b'])
  })

  it('a reload takes over its own tab’s waiting requests and leaves another open tab’s alone', async () => {
    const tabStorage = createMemoryStorage()
    tabStorage.setItem('hive-auth-react/tab', 'tab-A')
    vi.stubGlobal('sessionStorage', tabStorage) // this tab is tab-A, across its reloads
    const storage = createMemoryStorage()
    const host = 'ws://127.0.0.1:9'
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, pending: [record('mine', 'tab-A', host), record('theirs', 'tab-B', host)] }))
    const client = createHasClient({ app: { name: 'tabs' }, hosts: [host], storage, reconnectDelaysMs: [60_000] })
    clients.push(client)
    await vi.waitFor(() => expect(client.getState().requests).not.toHaveLength(0)) // the runner's code loads first
    expect(client.getState().requests.map((r) => r.pending?.uuid)).toEqual(['mine'])
  })
})
