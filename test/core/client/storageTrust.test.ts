import { type AddressInfo, WebSocketServer } from 'ws'
import { afterEach, describe, expect, it } from 'vitest'
import { createHasClient, type HasClient } from '../../../src/core/client/createHasClient'
import { HasStorageError } from '../../../src/core/errors/HasStorageError'
import { MAX_SESSION_MS } from '../../../src/core/protocol/constants'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import type { HasStorage } from '../../../src/core/storage/HasStorage'
import { STORAGE_KEY } from '../../../src/core/storage/sessionRecords'
import { createChain } from '../../../src/devkit/chain'
import { createHarness, type Harness } from '../../support/devkitHarness'
import { settle, until } from '../../support/until'
import { challenge } from '../../../src/core/actions/challenge'

// What the client reads back from storage is input like any other: it validates it, and what it did itself (a logout)
// holds in memory whatever storage does.

let h: Harness | undefined
const clients: HasClient[] = []
afterEach(async () => {
  for (const c of clients.splice(0)) c.close()
  await h?.close()
  h = undefined
})

/** Storage that works, then (once `fail()` is called) refuses or silently drops every write. */
function failingStorage(mode: 'throws' | 'drops' | 'throws-on-remove-too') {
  const inner = createMemoryStorage()
  let failing = false
  const storage: HasStorage = {
    getItem: (k) => inner.getItem(k),
    setItem: (k, v) => {
      if (!failing) return inner.setItem(k, v)
      if (mode !== 'drops') throw new Error('QuotaExceededError')
    },
    removeItem: (k) => {
      if (!failing) return inner.removeItem(k)
      if (mode === 'throws-on-remove-too') throw new Error('SecurityError')
    },
  }
  return { storage, fail: () => void (failing = true) }
}

describe('a logout holds whatever storage does', () => {
  it.each(['throws', 'drops', 'throws-on-remove-too'] as const)(
    'storage that %s: logout(name) and logout() both hold, and onError says so',
    async (mode) => {
      const { storage, fail } = failingStorage(mode)
      const errors: unknown[] = []
      h = await createHarness({ client: { storage, onError: (e) => errors.push(e) } })
      fail() // from the first login on, storage keeps nothing
      await h.login('alice')
      await h.login('bob')
      h.client.logout('alice')
      expect(h.client.getSession('alice')).toBeUndefined()
      expect(h.client.getSession()?.account).toBe('bob')
      h.client.logout()
      expect(h.client.getSession()).toBeUndefined()
      expect(h.client.getState().sessions).toEqual([])
      h.client.forgetRecent('carol') // a later write must not bring them back
      expect(h.client.getSession('alice')).toBeUndefined()
      expect(h.client.getSession('bob')).toBeUndefined()
      expect(errors.length).toBeGreaterThan(0)
      expect(errors.every((e) => e instanceof HasStorageError)).toBe(true)
    },
  )
})

describe('values read from storage are checked, never trusted', () => {
  const seed = (storage: HasStorage, state: Record<string, unknown>) => storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, ...state }))
  const open = (storage: HasStorage, hosts = ['ws://127.0.0.1:9'], chain?: ReturnType<typeof createChain>) => {
    const client = createHasClient({ app: { name: 'x' }, hosts, storage, chain: chain && { nodes: [chain.url], fetch: chain.fetch } })
    clients.push(client)
    return client
  }

  it('a session that claims to last longer than any the kit keeps is dropped', () => {
    const storage = createMemoryStorage()
    const base = { key: 'k', host: 'ws://127.0.0.1:9' }
    seed(storage, {
      sessions: [
        { ...base, account: 'alice', expire: 1e308 },
        { ...base, account: 'bob', expire: Date.now() + MAX_SESSION_MS + 60_000 },
        { ...base, account: 'carol', expire: Date.now() + 3_600_000 },
      ],
    })
    expect(
      open(storage)
        .getState()
        .sessions.map((s) => s.account),
    ).toEqual(['carol'])
  })

  it('“verified” in storage is not believed: a forged claim stays unverified, a genuine one is checked again on chain', async () => {
    const chain = createChain()
    h = await createHarness({ client: { chain: { nodes: [chain.url], fetch: chain.fetch } } })
    const genuine = await h.login('alice', { verify: true })
    expect(genuine.verified).toBe(true)
    const storage = createMemoryStorage()
    const forged = { ...genuine, account: 'bob', key: 'k2', verified: true }
    seed(storage, { sessions: [genuine, forged, { ...genuine, account: 'carol', key: 'k3', verified: true, challenge: undefined }] })
    const client = open(storage, [h.server.url], chain)
    expect(client.getState().sessions.map((s) => s.verified)).toEqual([undefined, undefined, undefined])
    await until(() => client.getSession('alice')?.verified === true)
    await settle(50)
    expect(client.getSession('bob')?.verified).toBeUndefined() // alice's signature does not prove bob
    expect(client.getSession('carol')?.verified).toBeUndefined() // nothing to check
  })

  it.each([1e308, 2 ** 53, 2 ** 53 - 2, Number.MAX_VALUE, -5, 1.5])(
    'a stored nonce of %d cannot make nonces repeat (a strict wallet accepts each)',
    async (planted) => {
      const storage = createMemoryStorage()
      h = await createHarness({ wallet: { profile: 'pksa-service' }, client: { storage } })
      await h.login('alice')
      const stored = JSON.parse(storage.getItem(STORAGE_KEY)!) as Record<string, unknown>
      storage.setItem(STORAGE_KEY, JSON.stringify({ ...stored, nonce: planted }))
      for (const message of ['one', 'two', 'three']) {
        await expect(challenge(h.client, { account: 'alice', keyType: 'posting', message })).resolves.toMatchObject({ signature: expect.any(String) })
      }
    },
  )

  it('a planted waiting request never makes the client dial a relay read from storage', async () => {
    const stranger = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    let dialled = 0
    stranger.on('connection', () => dialled++)
    await new Promise((r) => stranger.once('listening', r))
    try {
      const host = `ws://127.0.0.1:${(stranger.address() as AddressInfo).port}`
      const storage = createMemoryStorage()
      const record = { kind: 'auth', account: 'alice', key: 'k', uuid: 'u-1', expire: Date.now() + 60_000, host }
      seed(storage, { pending: [record] })
      const client = open(storage)
      await settle(300)
      expect(dialled).toBe(0)
      expect(client.getState().requests).toEqual([])
      // The same record on the client's own relay is taken over (a reload of this tab).
      const own = open(storage, [host])
      await until(() => dialled === 1)
      expect(own.getState().requests).toMatchObject([{ kind: 'auth', status: 'reconnecting', pending: { uuid: 'u-1' } }])
    } finally {
      for (const c of clients.splice(0)) c.close()
      for (const socket of stranger.clients) socket.terminate()
      await new Promise((r) => stranger.close(r))
    }
  })
})
