import { describe, expect, it, vi } from 'vitest'
import { createPersistence } from '../../../src/core/storage/createPersistence'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import type { HasStorage } from '../../../src/core/storage/HasStorage'
import { MAX_SPENT_ANSWERS, readStoredState, STORAGE_KEY } from '../../../src/core/storage/sessionRecords'
import type { HasSession } from '../../../src/core/types'

// The persistence under the client's sessions, pinned where a mutation run over the client found it loose: a logout
// covers a login of ours another tab dropped; a storage that refuses keeps the sessions in memory; the spent answers
// are bounded, the newest kept.

const session = (account: string): HasSession => ({
  account,
  key: `key-${account}-${Math.random()}`,
  expire: Date.now() + 3_600_000,
  host: 'wss://relay.example',
})
const fingerprints = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(24, '0'))

describe('a logout', () => {
  it('covers a login of ours that another tab dropped from storage', () => {
    const storage = createMemoryStorage()
    const persistence = createPersistence(storage, () => {})
    persistence.write({ changes: [{ type: 'upsert', session: session('alice') }] })
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 2, sessions: [], pending: [], nonce: 0, removed: [], recent: [], answers: [] }))
    persistence.nextNonce() // a write of ours that keeps what storage now says: alice is only in our intents
    const view = persistence.write({ changes: [{ type: 'remove', account: 'alice' }] })
    expect(view.sessions.map((s) => s.account)).toEqual([])
    expect(readStoredState(storage, Date.now())?.sessions ?? []).toEqual([])
  })
})

describe('a storage that refuses', () => {
  it('keeps the sessions in memory, says so, and loses none on the next change', () => {
    const refusing: HasStorage = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('QuotaExceededError')
      },
      removeItem: () => {},
    }
    const onError = vi.fn()
    const persistence = createPersistence(refusing, onError)
    persistence.write({ changes: [{ type: 'upsert', session: session('alice') }] })
    const view = persistence.write({ changes: [{ type: 'upsert', session: session('bob') }] })
    expect(view.sessions.map((s) => s.account)).toEqual(['bob', 'alice'])
    expect(view.recent).toEqual(['bob', 'alice'])
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'storage' }))
  })
})

describe('spent answers', () => {
  it(`keeps the newest ${MAX_SPENT_ANSWERS}, in writing and in reading`, () => {
    expect(MAX_SPENT_ANSWERS).toBe(256)
    const storage = createMemoryStorage()
    const persistence = createPersistence(storage, () => {})
    const all = fingerprints(300)
    const view = persistence.write({ answers: all })
    expect(view.answers).toEqual(all.slice(-256))
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 2, sessions: [], answers: all }))
    expect(readStoredState(storage, Date.now())?.answers).toEqual(all.slice(-256))
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).answers).toHaveLength(300) // as written by hand above
    persistence.write({ answers: fingerprints(1) })
    expect(JSON.parse(storage.getItem(STORAGE_KEY)!).answers).toHaveLength(256)
  })
})
