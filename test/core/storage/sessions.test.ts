import { describe, expect, it } from 'vitest'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import { createWebStorage } from '../../../src/core/storage/createWebStorage'
import { readStoredState, STORAGE_KEY, writeStoredState } from '../../../src/core/storage/sessionRecords'
import type { HasSession } from '../../../src/core/types'
import type { HasStorage } from '../../../src/core/storage/HasStorage'

const readSessions = (storage: HasStorage, now: number) => readStoredState(storage, now)?.sessions ?? []
const writeSessions = (storage: HasStorage, sessions: HasSession[]) =>
  writeStoredState(storage, { sessions, pending: [], nonce: 0, removed: [], recent: [], answers: [] })

const now = Date.now()
const good = { account: 'alice', key: 'k', expire: now + 1000, host: 'wss://h', token: 't' }

describe('session storage', () => {
  it('round-trips sessions and drops expired ones on read', () => {
    const storage = createMemoryStorage()
    writeSessions(storage, [good, { ...good, account: 'bob', expire: now - 1 }])
    expect(readSessions(storage, now)).toEqual([good])
    writeSessions(storage, [])
    expect(storage.getItem(STORAGE_KEY)).toBeNull()
  })

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ version: 3, sessions: [good] })],
    ['sessions not a list', JSON.stringify({ version: 1, sessions: {} })],
    ['null', 'null'],
  ])('yields nothing for %s', (_n, raw) => {
    const storage = createMemoryStorage()
    storage.setItem(STORAGE_KEY, raw)
    expect(readSessions(storage, now)).toEqual([])
  })

  it('keeps the valid entries of a partly corrupted list', () => {
    const storage = createMemoryStorage()
    const items = [
      good,
      { ...good, account: 'BAD NAME' },
      { ...good, account: 'carol', key: 5 },
      { ...good, account: 'dave', challenge: 'x' },
      7,
      null,
      { ...good },
    ]
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions: items }))
    expect(readSessions(storage, now)).toEqual([good])
  })

  it('a storage that throws reads as unknown and reports the failed write to its caller', () => {
    const hostile = {
      getItem: () => {
        throw new Error('SecurityError')
      },
      setItem: () => {
        throw new Error('Quota')
      },
      removeItem: () => {
        throw new Error('x')
      },
    }
    expect(readStoredState(hostile, now)).toBeUndefined()
    expect(() => writeSessions(hostile, [good])).toThrow('Quota')
  })

  it('createWebStorage falls back to memory where there is no localStorage (Node)', () => {
    const storage = createWebStorage('local')
    storage.setItem('a', '1')
    expect(storage.getItem('a')).toBe('1')
  })
})
