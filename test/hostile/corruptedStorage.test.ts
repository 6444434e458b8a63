import { describe, expect, it } from 'vitest'
import { createHasClient } from '../../src/core/client/createHasClient'
import { checkAccountName } from '../../src/core/protocol/accountName'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import { createRandom, randomValue } from '../support/garbage'

describe('corrupted storage', () => {
  it('3000 corrupted stores start a client with only valid sessions, never an exception', () => {
    const r = createRandom(99)
    const valid = { account: 'alice', key: 'k', expire: Date.now() + 60_000, host: 'wss://h' }
    let kept = 0
    for (let i = 0; i < 3000; i++) {
      const storage = createMemoryStorage()
      const sessions = Array.from({ length: r.int(4) }, () => {
        if (r.int(3) === 0) return randomValue(r)
        const copy: Record<string, unknown> = { ...valid }
        copy[r.pick(['account', 'key', 'expire', 'host', 'token', 'challenge'])] = randomValue(r)
        return copy
      })
      const raw =
        r.int(5) === 0
          ? r.pick(['{', 'null', '[]', 'undefined', '\u0000', JSON.stringify(randomValue(r)) ?? ''])
          : JSON.stringify({ version: r.int(4) ? 1 : randomValue(r), sessions: r.int(6) ? sessions : randomValue(r) })
      storage.setItem(STORAGE_KEY, raw)
      const client = createHasClient({ app: { name: 'x' }, hosts: ['ws://127.0.0.1:9'], storage })
      for (const s of client.getState().sessions) {
        expect(checkAccountName(s.account)).toBeUndefined()
        expect(typeof s.key === 'string' && s.key.length > 0).toBe(true)
        expect(s.expire).toBeGreaterThan(Date.now())
        expect(typeof s.host).toBe('string')
        kept++
      }
      client.close()
    }
    console.info(`corrupted storage: 3000 stores, ${kept} valid sessions kept`)
    expect(kept).toBeGreaterThan(0) // the generator does produce some valid sessions, so the filter is exercised both ways
  })
})
