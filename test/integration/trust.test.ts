import { afterEach, describe, expect, it, vi } from 'vitest'
import { decryptPayload, encryptPayload } from '../../src/core/crypto/aes'
import { verifySignature } from '../../src/core/crypto/signatures'
import { HasExpiredError } from '../../src/core/errors/HasExpiredError'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasProtocolError } from '../../src/core/errors/HasProtocolError'
import { parseAuthLink } from '../../src/core/protocol/links'
import { createHasClient } from '../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import { MAX_UNTRUSTED_TEXT } from '../../src/core/protocol/untrustedText'
import { createHarness, type Harness } from '../support/devkitHarness'
import { FAKE_CLOCK, settle, until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'
import { sign } from '../../src/core/actions/sign'

let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.close()
  h = undefined
})

const vote = [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 1 }]] as [string, Record<string, unknown>][]
type Frame = Record<string, unknown>

describe('answers are bound to their requests (a hostile relay on a real socket)', () => {
  it('a challenge_ack replayed under a new uuid is ignored: challenge B resolves with the signature of B', async () => {
    let captured: Frame | undefined
    h = await createHarness({ relay: { intercept: (m) => ((captured ??= m.cmd === 'challenge_ack' ? m : undefined), m) } })
    await h.login()
    const first = await challenge(h.client, { account: 'alice', keyType: 'posting', message: 'message A' })
    expect(verifySignature('message A', first.signature, first.pubkey)).toBe(true)
    h.wallet.setDecision('manual')
    let uuid = ''
    const second = challenge(h.client, { account: 'alice', keyType: 'posting', message: 'message B', onWait: (p) => (uuid = p.uuid) })
    await until(() => h!.wallet.pending().length === 1)
    expect(h.server.relay.injectToApp(uuid, { ...captured, uuid })).toBe(true) // the old answer, relabelled
    h.wallet.approve(uuid)
    const result = await second
    expect(verifySignature('message B', result.signature, result.pubkey)).toBe(true)
    expect(result.signature).not.toBe(first.signature)
  })

  it('a replay with no genuine answer after it leaves the request waiting, and its expiry says why', async () => {
    let captured: Frame | undefined
    h = await createHarness({ relay: { intercept: (m) => ((captured ??= m.cmd === 'challenge_ack' ? m : undefined), m) } })
    await h.login()
    await challenge(h.client, { account: 'alice', keyType: 'posting', message: 'message A' })
    h.wallet.setDecision('ignore')
    vi.useFakeTimers(FAKE_CLOCK)
    let uuid = ''
    const second = challenge(h.client, { account: 'alice', keyType: 'posting', message: 'message B', onWait: (p) => (uuid = p.uuid) })
    const outcome = second.catch((e: unknown) => e)
    await until(() => uuid !== '')
    h.server.relay.injectToApp(uuid, { ...captured, uuid })
    await until(() => h!.frames.filter((f) => f.direction === 'out' && f.text.includes('challenge_ack')).length === 2)
    await settle(50)
    expect(h.client.getState().requests.find((r) => r.kind === 'challenge')?.status).toBe('waiting')
    await vi.advanceTimersByTimeAsync(61_000)
    const error = await outcome
    expect(error).toBeInstanceOf(HasExpiredError)
    expect((error as HasExpiredError).details).toMatch(/already accepted arrived again/)
  })

  it('an answer signing another message, which this client never saw, is ignored for the signature alone', async () => {
    let captured: Frame | undefined
    const storage = createMemoryStorage()
    h = await createHarness({ client: { storage }, relay: { intercept: (m) => ((captured ??= m.cmd === 'challenge_ack' ? m : undefined), m) } })
    await h.login()
    const snapshot = storage.getItem(STORAGE_KEY)! // another device holding the same session, before the first challenge
    await challenge(h.client, { account: 'alice', keyType: 'posting', message: 'message A' })
    const otherStorage = createMemoryStorage()
    otherStorage.setItem(STORAGE_KEY, snapshot)
    const other = createHasClient({ app: { name: 'other' }, hosts: [h.server.url], storage: otherStorage })
    try {
      h.wallet.setDecision('ignore')
      vi.useFakeTimers(FAKE_CLOCK)
      let uuid = ''
      const outcome = challenge(other, { account: 'alice', keyType: 'posting', message: 'message B', onWait: (p) => (uuid = p.uuid) }).catch(
        (e: unknown) => e,
      )
      await until(() => uuid !== '')
      h.server.relay.injectToApp(uuid, { ...captured, uuid })
      await settle(50)
      expect(other.getState().requests[0]?.status).toBe('waiting')
      await vi.advanceTimersByTimeAsync(61_000)
      expect(((await outcome) as HasExpiredError).details).toMatch(/signature does not match/)
    } finally {
      other.close()
    }
  })

  it('an auth_ack whose challenge signs another message (an earlier login replayed) never logs in', async () => {
    const keys = new Map<string, string>()
    let earlier: unknown
    h = await createHarness({
      relay: {
        intercept: (m) => {
          if (m.cmd !== 'auth_ack' || typeof m.uuid !== 'string') return m
          const key = keys.get(m.uuid)!
          const data = decryptPayload<Record<string, unknown>>(String(m.data), key)
          if (!earlier) {
            earlier = data.challenge
            return m
          }
          return { ...m, data: encryptPayload({ ...data, challenge: earlier }, key) }
        },
      },
    })
    const remember = (p: { uuid: string; deepLink: string }) => keys.set(p.uuid, parseAuthLink(p.deepLink).key)
    const first = await h.login('alice', { challenge: { keyType: 'posting', message: 'login A' }, onWait: remember })
    expect(verifySignature('login A', first.challenge!.signature, first.challenge!.pubkey)).toBe(true)
    h.client.logout()
    vi.useFakeTimers(FAKE_CLOCK)
    const second = h.login('alice', { challenge: { keyType: 'posting', message: 'login B' }, onWait: remember }).catch((e: unknown) => e)
    await until(
      () => h!.frames.filter((f) => f.direction === 'out' && f.text.includes('auth_ack')).length === 2,
      5000,
      () => vi.advanceTimersByTimeAsync(5),
    )
    await settle(50)
    expect(h.client.getState().sessions).toEqual([])
    await vi.advanceTimersByTimeAsync(61_000)
    expect(await second).toBeInstanceOf(HasExpiredError)
    expect(h.client.getState().sessions).toEqual([])
  })

  it.each([
    ['auth_ack', { expire: 4_102_444_800_000, token: 'forged' }],
    ['auth_ack', 'not encrypted'],
    ['challenge_ack', { pubkey: 'STM5', challenge: '1f'.padEnd(130, '0') }],
  ])("the relay's %s whose data is not encrypted with the key (%j) is no answer: the request waits, then expires", async (cmd, data) => {
    h = await createHarness({ relay: { intercept: (m) => (m.cmd === cmd ? { ...m, data } : m) } })
    if (cmd === 'challenge_ack') await h.login()
    vi.useFakeTimers(FAKE_CLOCK)
    const request = cmd === 'auth_ack' ? h.login('alice') : challenge(h.client, { account: 'alice', keyType: 'posting', message: 'message A' })
    const outcome = request.catch((e: unknown) => e)
    await until(
      () => h!.frames.some((f) => f.direction === 'out' && f.text.includes(cmd)),
      5000,
      () => vi.advanceTimersByTimeAsync(5),
    )
    await settle(50)
    expect(h.client.getState().requests.find((r) => r.kind === (cmd === 'auth_ack' ? 'auth' : 'challenge'))?.status).toBe('waiting')
    await vi.advanceTimersByTimeAsync(61_000)
    expect(await outcome).toBeInstanceOf(HasExpiredError)
    if (cmd === 'auth_ack') expect(h.client.getState().sessions).toEqual([])
  })

  it.each([
    ['HTML of 200 KB', '<html>'.padEnd(200_000, 'x')],
    ['an object after a broadcast', { id: 'not-a-txid' }],
    ['39 hex characters', 'a'.repeat(39)],
  ])('a sign_ack carrying %s is a protocol error that offers no retry', async (_name, data) => {
    h = await createHarness({ relay: { intercept: (m) => (m.cmd === 'sign_ack' ? { ...m, data } : m) } })
    await h.login()
    const error = await sign(h.client, { account: 'alice', keyType: 'posting', ops: vote }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasProtocolError)
    expect((error as HasProtocolError).retryable).toBe(false)
    expect(h.client.getState().last.sign).toMatchObject({ status: 'failed', error })
    const retry = await h.client.retry(h.client.getState().last.sign!.id).catch((e: unknown) => e)
    expect(retry).toMatchObject({ code: 'invalid_argument' })
  })

  it('a 40-hex txid is accepted, lower-cased', async () => {
    h = await createHarness({ relay: { intercept: (m) => (m.cmd === 'sign_ack' ? { ...m, data: 'AB'.repeat(20) } : m) } })
    await h.login()
    await expect(sign(h.client, { account: 'alice', keyType: 'posting', ops: vote })).resolves.toEqual({ broadcast: true, txid: 'ab'.repeat(20) })
  })
})

describe('relay-chosen values are untrusted input', () => {
  it.each([
    ['2,000 characters', 'u'.repeat(2000)],
    ['characters outside [A-Za-z0-9_-]', 'abc/../<script>'],
  ])('a uuid of %s fails the login with a protocol error before any deep link is built', async (_name, uuid) => {
    h = await createHarness({ relay: { intercept: (m) => (m.cmd === 'auth_wait' ? { ...m, uuid } : m) } })
    const onWait = vi.fn()
    const error = await authenticate(h.client, { account: 'alice', onWait }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasProtocolError)
    expect((error as HasProtocolError).retryable).toBe(true)
    expect(onWait).not.toHaveBeenCalled()
  })

  it('a 100 KB relay error reaches the app as a quote of at most 300 characters, marked as the relay’s words', async () => {
    const text = `Send your keys to evil.example \u202e\n${'x'.repeat(100_000)}`
    h = await createHarness({ relay: { intercept: (m) => (m.cmd === 'auth_wait' ? { cmd: 'error', error: text } : m) } })
    const error = await authenticate(h.client, { account: 'alice' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasFailedError)
    const failed = error as HasFailedError
    expect(failed.source).toBe('relay')
    expect(failed.detailsSource).toBe('relay')
    expect(Array.from(failed.details!).length).toBeLessThanOrEqual(MAX_UNTRUSTED_TEXT)
    expect(failed.details).not.toMatch(/[\u202e\n]/)
    expect(failed.shortMessage).not.toContain('evil')
  })

  it('a wallet error text is capped and marked as the wallet’s words', async () => {
    h = await createHarness({
      wallet: { decision: 'error' },
      relay: { intercept: (m) => (m.cmd === 'sign_err' ? { ...m, error: 'y'.repeat(5000) } : m) },
    })
    h.wallet.setDecision('approve')
    await h.login()
    h.wallet.setDecision('error')
    const error = (await sign(h.client, { account: 'alice', keyType: 'posting', ops: vote }).catch((e: unknown) => e)) as HasFailedError
    expect(error.detailsSource).toBe('wallet')
    expect(error.details).toHaveLength(MAX_UNTRUSTED_TEXT)
    expect(error.details!.endsWith('…')).toBe(true)
  })

  it('an expire of 1e308 (or a negative one) falls back to the relay timeout instead of expiring at once', async () => {
    for (const expire of [1e308, -5]) {
      h = await createHarness({ relay: { intercept: (m) => (m.cmd === 'auth_wait' ? { ...m, expire } : m) }, wallet: { decision: 'manual' } })
      let pending: { expire: number } | undefined
      const login = h.login('alice', { onWait: (p) => (pending = p) })
      await until(() => h!.wallet.pending().length === 1)
      expect(h.client.getState().requests[0]?.status).toBe('waiting')
      expect(Math.abs(pending!.expire - (Date.now() + 60_000))).toBeLessThan(2_000)
      h.wallet.approve(h.wallet.pending()[0]!.uuid)
      await expect(login).resolves.toMatchObject({ account: 'alice' })
      await h.close()
      h = undefined
    }
  })
})
