import { afterEach, describe, expect, it, vi } from 'vitest'
import { encryptPayload } from '../../../src/core/crypto/aes'
import { HasCancelledError } from '../../../src/core/errors/HasCancelledError'
import { HasExpiredError } from '../../../src/core/errors/HasExpiredError'
import { transition } from '../../../src/core/machine/request'
import { parseAuthLink } from '../../../src/core/protocol/links'
import type { HasStorage } from '../../../src/core/storage/HasStorage'
import { createHasClient } from '../../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../../src/core/storage/createMemoryStorage'
import type { HasClientState } from '../../../src/core/types'
import { createHarness, type Harness } from '../../support/devkitHarness'
import { startScriptedRelay } from '../../support/scriptedRelay'
import { FAKE_CLOCK, settle, until } from '../../support/until'
import { authenticate } from '../../../src/core/actions/authenticate'

let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.close()
  h = undefined
})

const answersToApp = (h: Harness, cmd: string) => h.frames.filter((f) => f.direction === 'out' && f.text.includes(`"cmd":"${cmd}"`)).length

describe('the request machine decides outcomes (runner over a real socket)', () => {
  it('a late approval after a cancel leaves the login cancelled and nobody logged in', async () => {
    h = await createHarness({ wallet: { decision: 'manual' } })
    const login = h.login().catch((e: unknown) => e)
    await until(() => h!.wallet.pending().length === 1)
    h.client.cancel()
    expect(await login).toBeInstanceOf(HasCancelledError)
    h.wallet.approve(h.wallet.pending()[0]!.uuid)
    await until(() => answersToApp(h!, 'auth_ack') === 1)
    await settle()
    expect(h.client.getState().last.auth?.status).toBe('cancelled')
    expect(h.client.getState().sessions).toEqual([])
  })

  it('a verified refusal that arrives after the expiry changes nothing', async () => {
    const relay = await startScriptedRelay()
    const client = createHasClient({ app: { name: 'x' }, hosts: [relay.url], storage: createMemoryStorage() })
    try {
      vi.useFakeTimers(FAKE_CLOCK)
      let link = ''
      const login = authenticate(client, { account: 'alice', onWait: (p) => (link = p.deepLink) }).catch((e: unknown) => e)
      await until(() => link !== '')
      await vi.advanceTimersByTimeAsync(61_000)
      expect(await login).toBeInstanceOf(HasExpiredError)
      const expired = client.getState().last.auth
      const { uuid, key } = parseAuthLink(link)
      relay.send({ cmd: 'auth_nack', uuid, data: encryptPayload(uuid, key) })
      await settle(50)
      expect(client.getState().last.auth).toBe(expired)
      expect(expired?.status).toBe('expired')
    } finally {
      client.close()
      await relay.close()
    }
  })

  it('a duplicated approval is one login: one session, one outcome, one notification', async () => {
    h = await createHarness({ relay: { intercept: (m) => (m.cmd === 'auth_ack' ? [m, m, m] : m) }, wallet: { decision: 'manual' } })
    const login = h.login()
    await until(() => h!.wallet.pending().length === 1)
    const states: HasClientState[] = []
    h.client.subscribe((s) => states.push(s))
    h.wallet.approve(h.wallet.pending()[0]!.uuid)
    await login
    await until(() => answersToApp(h!, 'auth_ack') === 3)
    await settle()
    expect(states.filter((s) => s.sessions.length > 0)).toHaveLength(1)
    expect(states).toHaveLength(1)
    expect(h.client.getState().sessions).toHaveLength(1)
  })

  it('a drop while requesting fails the request, a drop while waiting makes it reconnect: as the table says', async () => {
    h = await createHarness({ relay: { intercept: (m) => (m.cmd === 'auth_wait' ? null : m) } })
    const requesting = authenticate(h.client, { account: 'alice' }).catch((e: unknown) => e)
    await until(() => h!.client.getState().requests[0]?.status === 'requesting')
    h.server.relay.close() // every socket drops
    await requesting
    expect(h.client.getState().last.auth?.status).toBe(transition('requesting', 'DROP'))
    await h.close()

    h = await createHarness({ wallet: { decision: 'manual' } })
    const statuses: string[] = []
    h.client.subscribe((s) => statuses.push(s.requests[0]?.status ?? '-'))
    let uuid = ''
    const waiting = h.login('alice', { onWait: (p) => (uuid = p.uuid) })
    await until(() => h!.wallet.pending().length === 1)
    h.server.relay.dropApp(uuid)
    await until(() => statuses.includes('reconnecting'))
    expect(statuses[statuses.indexOf('waiting') + 1]).toBe(transition('waiting', 'DROP'))
    await until(() => h!.client.getState().requests[0]?.status === transition('reconnecting', 'ATTACHED'))
    h.wallet.approve(uuid)
    await expect(waiting).resolves.toMatchObject({ account: 'alice' })
  })
})

describe('one commit per change', () => {
  it('an approval is one store notification and one storage write, and no snapshot shows a session beside its waiting login', async () => {
    const inner = createMemoryStorage()
    let writes = 0
    const storage: HasStorage = {
      getItem: (k) => inner.getItem(k),
      setItem: (k, v) => {
        writes++
        inner.setItem(k, v)
      },
      removeItem: (k) => {
        writes++
        inner.removeItem(k)
      },
    }
    h = await createHarness({ wallet: { decision: 'manual' }, client: { storage } })
    const torn: HasClientState[] = []
    let notifications = 0
    h.client.subscribe((s) => {
      notifications++
      if (s.sessions.some((x) => x.account === 'alice') && s.requests.some((r) => r.account === 'alice')) torn.push(s)
    })
    const login = h.login()
    await until(() => h!.wallet.pending().length === 1)
    const before = { notifications, writes }
    h.wallet.approve(h.wallet.pending()[0]!.uuid)
    await login
    expect(notifications - before.notifications).toBe(1)
    expect(writes - before.writes).toBe(1)
    expect(torn).toEqual([])
    expect(h.client.getState().last.auth?.status).toBe('approved')
    console.info(`one login, from a cold client: ${notifications} store notifications, ${writes} storage writes`)
  })
})
