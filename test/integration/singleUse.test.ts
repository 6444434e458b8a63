import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHasClient } from '../../src/core/client/createHasClient'
import { encryptPayload } from '../../src/core/crypto/aes'
import { parseAuthLink } from '../../src/core/protocol/links'
import type { HasExpiredError } from '../../src/core/errors/HasExpiredError'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { encodeMemo } from '../../src/devkit/memo'
import { MEMO_VECTORS } from '../fixtures/memoVectors'
import { createHarness, type Harness } from '../support/devkitHarness'
import { startScriptedRelay } from '../support/scriptedRelay'
import { FAKE_CLOCK, settle, until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'

// Every encrypted wallet answer (auth, challenge, decrypt, a refusal's proof) counts once per session: a relay cannot
// write a new one without the key, but it can copy an old one under a new uuid. Real relay, real sockets, 127.0.0.1.

type Frame = Record<string, unknown>
let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.close()
  h = undefined
})

const answersToApp = (cmd: string) => h!.frames.filter((f) => f.direction === 'out' && f.text.includes(`"cmd":"${cmd}"`)).length
const tick = () => vi.advanceTimersByTimeAsync(5)

describe('a relay replaying an answer the session already accepted', () => {
  it('cannot complete a second memo decryption with the first one’s text', async () => {
    let captured: Frame | undefined
    h = await createHarness({ relay: { intercept: (m) => ((captured ??= m.cmd === 'challenge_ack' ? m : undefined), m) } })
    await h.login()
    const first = await challenge(h.client, { account: 'alice', keyType: 'memo', message: MEMO_VECTORS.toAliceFromBob, decrypt: true })
    expect(first.text).toBe(MEMO_VECTORS.toAliceFromBobPlain.slice(1))
    const bob = createDevkitAccount('bob')
    const other = encodeMemo(bob.keys.memo!, h.wallet.accounts[0]!.publicKeys.memo, '#the second memo')
    h.wallet.setDecision('ignore')
    vi.useFakeTimers(FAKE_CLOCK)
    let uuid = ''
    const second = challenge(h.client, { account: 'alice', keyType: 'memo', message: other, decrypt: true, onWait: (p) => (uuid = p.uuid) }).catch(
      (e: unknown) => e,
    )
    await until(() => uuid !== '', 5000, tick)
    expect(h.server.relay.injectToApp(uuid, { ...captured, uuid })).toBe(true) // the first memo's answer, relabelled
    await until(() => answersToApp('challenge_ack') === 2, 5000, tick)
    await settle(30)
    expect(h.client.getState().requests.find((r) => r.kind === 'challenge')?.status).toBe('waiting')
    await vi.advanceTimersByTimeAsync(61_000)
    const error = (await second) as HasExpiredError
    expect(error).toMatchObject({ code: 'expired' })
    expect(error.details).toMatch(/already accepted arrived again/)
  })

  it('cannot complete a renewal with the original login’s auth_ack: the renewal falls back to a scan, one id, no error', async () => {
    let original: Frame | undefined
    h = await createHarness({
      wallet: { profile: 'keychain' },
      relay: { intercept: (m) => ((original ??= m.cmd === 'auth_ack' ? m : undefined), m) },
    })
    const errors: unknown[] = []
    const client = createHasClient({ app: { name: 'renew' }, hosts: [h.server.url], storage: createMemoryStorage(), onError: (e) => errors.push(e) })
    const outcomes: string[] = []
    let last: unknown
    client.subscribe((s) => {
      if (s.last.auth !== last) outcomes.push(String(s.last.auth?.status))
      last = s.last.auth
    })
    try {
      await authenticate(client, { account: 'alice', onWait: (p) => void h!.wallet.scan(p.deepLink) })
      outcomes.length = 0
      h.wallet.setDecision('ignore') // the wallet never answers the renewal: only the relay does
      vi.useFakeTimers(FAKE_CLOCK)
      const links: { uuid: string; renew?: true; link: string }[] = []
      const renewal = authenticate(client, {
        account: 'alice',
        renew: { waitMs: 5000 },
        onWait: (p) => void links.push({ uuid: p.uuid, renew: p.renew, link: p.deepLink }),
      })
      let settled = false
      void renewal.then(
        () => (settled = true),
        () => (settled = true),
      )
      await until(() => links.length === 1, 5000, tick)
      h.server.relay.injectToApp(links[0]!.uuid, { ...original, uuid: links[0]!.uuid })
      await until(() => answersToApp('auth_ack') === 2, 5000, tick)
      await settle(30)
      expect(settled).toBe(false)
      expect(client.getState().requests[0]).toMatchObject({ id: renewal.id, status: 'waiting' })

      await vi.advanceTimersByTimeAsync(5001) // the renewal's wait is over: a normal login, same request id
      await until(() => links.length === 2, 5000, tick)
      expect(links.map((l) => Boolean(l.renew))).toEqual([true, false])
      expect(client.getState().requests).toMatchObject([{ id: renewal.id, status: 'waiting', pending: { uuid: links[1]!.uuid } }])
      client.cancel(renewal.id) // the id the call returned cancels the live login
      await expect(renewal).rejects.toMatchObject({ code: 'cancelled' })
      expect(outcomes).toEqual(['cancelled']) // no internal "expired" on the way
      expect(errors).toEqual([])
    } finally {
      client.close()
    }
  })

  it('a refusal’s proof replayed under a reused uuid does not refuse a new request', async () => {
    const relay = await startScriptedRelay({ uuid: () => 'same-uuid' }) // a relay that hands out one uuid again and again
    const client = createHasClient({ app: { name: 'x' }, hosts: [relay.url], storage: createMemoryStorage() })
    try {
      let link = ''
      const login = authenticate(client, { account: 'alice', onWait: (p) => (link = p.deepLink) })
      await until(() => link !== '')
      const { key } = parseAuthLink(link)
      relay.send({ cmd: 'auth_ack', uuid: 'same-uuid', data: encryptPayload({ expire: Date.now() + 3_600_000 }, key) })
      await login
      const proof = encryptPayload('same-uuid', key)
      const first = challenge(client, { account: 'alice', keyType: 'posting', message: 'one' })
      await until(() => client.getState().requests[0]?.status === 'waiting')
      relay.send({ cmd: 'challenge_nack', uuid: 'same-uuid', data: proof })
      await expect(first).rejects.toMatchObject({ code: 'rejected', verified: true })
      const second = challenge(client, { account: 'alice', keyType: 'posting', message: 'two' }).catch((e: unknown) => e)
      await until(() => client.getState().requests[0]?.status === 'waiting')
      relay.send({ cmd: 'challenge_nack', uuid: 'same-uuid', data: proof }) // the same proof, copied
      await settle(50)
      expect(client.getState().requests[0]).toMatchObject({ kind: 'challenge', status: 'waiting' })
      client.cancel()
      expect(await second).toMatchObject({ code: 'cancelled' })
    } finally {
      client.close()
      await relay.close()
    }
  })

  it('one answer copied to two waiting requests at the same instant counts for one of them only', async () => {
    const bob = createDevkitAccount('bob')
    const memos = ['#first memo', '#second memo'].map((text) => encodeMemo(bob.keys.memo!, createDevkitAccount('alice').publicKeys.memo, text))
    const uuids: string[] = []
    h = await createHarness({
      // The first decryption's answer goes to both requests in one write: both read it before either commits.
      relay: { intercept: (m) => (m.cmd === 'challenge_ack' && uuids.length === 2 ? uuids.map((uuid) => ({ ...m, uuid })) : m) },
    })
    await h.login()
    h.wallet.setDecision('manual')
    const results = memos.map((message) =>
      challenge(h!.client, { account: 'alice', keyType: 'memo', message, decrypt: true, onWait: (p) => void uuids.push(p.uuid) }).then(
        (r) => r.text,
        (e: { code: string }) => e.code,
      ),
    )
    await until(() => h!.wallet.pending().length === 2 && uuids.length === 2)
    h.wallet.approve(h.wallet.pending().find((p) => p.uuid === uuids[0])!.uuid)
    await until(() => h!.client.getState().requests.filter((r) => r.kind === 'challenge').length === 1)
    await settle(30)
    expect(h.client.getState().requests).toMatchObject([{ kind: 'challenge', status: 'waiting', pending: { uuid: uuids[1] } }])
    h.client.cancel()
    expect(await Promise.all(results)).toEqual(['first memo', 'cancelled'])
  })

  it('the memory of spent answers survives a reload with the session, and stays bounded', async () => {
    let captured: Frame | undefined
    const storage = createMemoryStorage()
    h = await createHarness({ client: { storage }, relay: { intercept: (m) => ((captured ??= m.cmd === 'challenge_ack' ? m : undefined), m) } })
    await h.login()
    await challenge(h.client, { account: 'alice', keyType: 'memo', message: MEMO_VECTORS.toAliceFromBob, decrypt: true })
    h.client.close()
    const reloaded = createHasClient({ app: { name: 'x' }, hosts: [h.server.url], storage })
    try {
      h.wallet.setDecision('manual')
      let uuid = ''
      const again = challenge(reloaded, {
        account: 'alice',
        keyType: 'memo',
        message: MEMO_VECTORS.toAliceFromBob,
        decrypt: true,
        onWait: (p) => (uuid = p.uuid),
      })
      await until(() => h!.wallet.pending().length === 1)
      h.server.relay.injectToApp(uuid, { ...captured, uuid })
      await settle(30)
      expect(reloaded.getState().requests[0]?.status).toBe('waiting')
      h.wallet.approve(uuid) // the wallet's own, fresh answer counts
      await expect(again).resolves.toMatchObject({ text: MEMO_VECTORS.toAliceFromBobPlain.slice(1) })
      const stored = JSON.parse(storage.getItem(STORAGE_KEY)!) as { answers: string[] }
      expect(stored.answers).toHaveLength(3) // the login, the first decryption, this one
    } finally {
      reloaded.close()
    }
  })
})
