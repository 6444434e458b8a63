import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHasClient } from '../../src/core/client/createHasClient'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { STORAGE_KEY } from '../../src/core/storage/sessionRecords'
import type { PendingRequest } from '../../src/core/types'
import { HasExpiredError } from '../../src/core/errors/HasExpiredError'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasInvalidArgumentError } from '../../src/core/errors/HasInvalidArgumentError'
import { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import { decryptPayload, encryptPayload } from '../../src/core/crypto/aes'
import { verifySignature } from '../../src/core/crypto/signatures'
import { transactionDigest, transactionId } from '../../src/core/hive/transaction'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { signDigest, signMessage } from '../../src/devkit/keys'
import type { WalletProfile } from '../../src/devkit/profiles'
import { createHarness, type Harness } from '../support/devkitHarness'
import { MEMO_VECTORS } from '../fixtures/memoVectors'
import { FAKE_CLOCK, settle, until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'
import { sign } from '../../src/core/actions/sign'

// Each row of PROTOCOL §12 (what real wallets do), through the devkit's profiles over a real socket, asserting what
// a user of the kit gets: the error's code, whether it is retryable, and its reason.

let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.close()
  h = undefined
})

type Op = [string, Record<string, unknown>]
const alice = createDevkitAccount('alice')
const bob = createDevkitAccount('bob')
const TESTNET = '18dcf0a285365fc58b71f18b3d3fec954aa0c141c44e4e5cb4cf777b9eab274e'
const vote = (voter = 'alice'): Op[] => [['vote', { voter, author: 'bob', permlink: 'p', weight: 10000 }]]
const outcome = <T>(p: Promise<T>): Promise<{ value?: T; error?: unknown }> =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  )

/** Runs a request that the wallet may leave unanswered: the fake clock moves past the relay's deadline. */
async function settleWithClock<T>(start: () => Promise<T>): Promise<{ value?: T; error?: unknown }> {
  vi.useFakeTimers(FAKE_CLOCK)
  let done: { value?: T; error?: unknown } | undefined
  void outcome(start()).then((o) => (done = o))
  await until(
    () => done !== undefined || h!.client.getState().requests.some((r) => r.status === 'waiting'),
    5000,
    () => vi.advanceTimersByTimeAsync(5),
  )
  for (let i = 0; i < 50 && !done; i++) await vi.advanceTimersByTimeAsync(2000)
  vi.useRealTimers()
  return done!
}

async function loggedIn(profile: WalletProfile, extra: Parameters<typeof createHarness>[0] = {}) {
  h = await createHarness({ ...extra, wallet: { profile, ...extra.wallet } })
  await h.login()
  return h
}

describe('sign-only (broadcast: false) never invites a double broadcast', () => {
  it('is off unless the client allows it: a typed error, and nothing reaches the wallet', async () => {
    await loggedIn('keychain')
    const error = await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasInvalidArgumentError)
    expect(h!.frames.some((f) => f.text.includes('sign_req'))).toBe(false)
  })

  it('Keychain broadcasts it anyway and answers nothing: expired, not retryable, "may have broadcast"', async () => {
    await loggedIn('keychain', { client: { allowSignOnly: true } })
    const result = await settleWithClock(() => sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }))
    const error = result.error as HasExpiredError
    expect(error).toBeInstanceOf(HasExpiredError)
    expect(error).toMatchObject({ hint: 'sign_only', retryable: false })
    expect(error.shortMessage).toMatch(/broadcast/)
    expect(h!.wallet.broadcasts()).toMatchObject([{ account: 'alice', requestedSignOnly: true }])
    await expect(h!.client.retry(h!.client.getState().last.sign!.id)).rejects.toBeInstanceOf(HasInvalidArgumentError)
  })

  it('the HiveAuth app answers nothing: expired, not retryable', async () => {
    await loggedIn('hiveauth-mobile', { client: { allowSignOnly: true } })
    const result = await settleWithClock(() => sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }))
    expect(result.error).toMatchObject({ code: 'expired', hint: 'sign_only', retryable: false })
    expect(h!.wallet.broadcasts()).toEqual([])
  })

  it('the service PKSA refuses it with sign_err; the documented protocol returns a signed transaction', async () => {
    await loggedIn('pksa-service', { client: { allowSignOnly: true } })
    const refused = (await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }).catch(
      (e: unknown) => e,
    )) as HasFailedError
    expect(refused).toMatchObject({ code: 'failed', details: 'Transaction signing only is not enabled', detailsSource: 'wallet' })
    await h!.close()
    await loggedIn('docs-v1', { client: { allowSignOnly: true } })
    const signed = await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false })
    expect(signed).toMatchObject({ broadcast: false, tx: { operations: vote(), signatures: [expect.stringMatching(/^[0-9a-f]{130}$/)] } })
  })
})

describe('a sign-only answer is bound to the request', () => {
  const forge = (edit: (tx: Record<string, unknown>) => Record<string, unknown>) => ({
    intercept: (m: Record<string, unknown>) =>
      m.cmd === 'sign_ack' && typeof m.data === 'object' ? { ...m, data: edit(m.data as Record<string, unknown>) } : m,
  })
  const transfer = [['transfer', { from: 'alice', to: 'mallory', amount: '1000.000 HIVE', memo: '' }]]

  it.each([
    [
      'another operation (a transfer, junk signature)',
      (tx: Record<string, unknown>) => ({ ...tx, operations: transfer, signatures: ['1f'.padEnd(130, '0')] }),
    ],
    ['an extra operation', (tx: Record<string, unknown>) => ({ ...tx, operations: [...(tx.operations as unknown[]), ...transfer] })],
    [
      'an expiration a year ahead',
      (tx: Record<string, unknown>) => ({ ...tx, expiration: new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 19) }),
    ],
    ['an expiration in the past', (tx: Record<string, unknown>) => ({ ...tx, expiration: '2001-01-01T00:00:00' })],
    ['no signature', (tx: Record<string, unknown>) => ({ ...tx, signatures: [] })],
    ['a reference block out of range', (tx: Record<string, unknown>) => ({ ...tx, ref_block_num: 70_000 })],
    [
      'the right transaction signed by another account (bob)',
      (tx: Record<string, unknown>) => ({ ...tx, signatures: [signDigest(transactionDigest(tx), bob.keys.posting!)] }),
    ],
    [
      "signed over the devkit's old stand-in digest (the JSON of the transaction)",
      ({ signatures: _, ...tx }: Record<string, unknown>) => ({ ...tx, signatures: [signMessage(JSON.stringify(tx), alice.keys.posting!)] }),
    ],
    [
      'signed for another chain (a testnet id)',
      (tx: Record<string, unknown>) => ({ ...tx, signatures: [signDigest(transactionDigest(tx, TESTNET), alice.keys.posting!)] }),
    ],
    ['signed with the memo key', (tx: Record<string, unknown>) => ({ ...tx, signatures: [signDigest(transactionDigest(tx), alice.keys.memo!)] })],
  ])('%s is a typed protocol error', async (_, edit) => {
    await loggedIn('docs-v1', { client: { allowSignOnly: true }, relay: forge(edit) })
    const error = await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'protocol', name: 'HasProtocolError' })
  })

  it("the genuine answer is signed over Hive's digest: the devkit node accepts it and returns its Hive id", async () => {
    await loggedIn('docs-v1', { client: { allowSignOnly: true } })
    const { tx } = await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false })
    expect(h!.chain.broadcast(tx!)).toBe(transactionId(tx!))
  })

  it('a chain that cannot be read: a connection error, never the unchecked transaction', async () => {
    const down = (() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch
    await loggedIn('docs-v1', { client: { allowSignOnly: true, chain: { nodes: ['http://127.0.0.1:9/'], fetch: down, timeoutMs: 500 } } })
    const error = await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote(), broadcast: false }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'connection', reason: 'nodes', shortMessage: 'The signed transaction could not be checked on chain.' })
  })
})

describe('a transaction the chain rejects is a failure, not a refusal', () => {
  it('Keychain: a text nack with the chain error is "failed" (reason chain), quoted, retryable', async () => {
    await loggedIn('keychain')
    const error = (await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote('bob') }).catch((e: unknown) => e)) as HasFailedError
    expect(error).toBeInstanceOf(HasFailedError)
    expect(error).toMatchObject({ reason: 'chain', retryable: true, detailsSource: 'wallet', shortMessage: 'The transaction failed.' })
    expect(error.details).toMatch(/missing required posting authority/i)
  })

  it('Keychain: the user-cancel text is a refusal (unverified: Keychain sends no proof)', async () => {
    await loggedIn('keychain')
    h!.wallet.setDecision('reject')
    const error = (await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote() }).catch((e: unknown) => e)) as HasRejectedError
    expect(error).toBeInstanceOf(HasRejectedError)
    expect(error).toMatchObject({ verified: false, details: 'Request was canceled by the user.' })
  })

  it('the service PKSA reports it with sign_err; the HiveAuth app stays silent (expiry)', async () => {
    await loggedIn('pksa-service')
    await expect(sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote('bob') })).rejects.toMatchObject({
      code: 'failed',
      reason: 'error',
    })
    await h!.close()
    await loggedIn('hiveauth-mobile')
    const result = await settleWithClock(() => sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote('bob') }))
    expect(result.error).toBeInstanceOf(HasExpiredError)
  })

  it.each(['keychain', 'hiveauth-mobile', 'docs-v1'] as const)('%s: refusals of logins and challenges carry proof (verified)', async (profile) => {
    h = await createHarness({ wallet: { profile, decision: 'reject' } })
    await expect(h.login()).rejects.toMatchObject({ code: 'rejected', verified: true })
    h.wallet.setDecision('approve')
    await h.login()
    h.wallet.setDecision('reject')
    await expect(challenge(h.client, { account: 'alice', keyType: 'posting', message: 'm' })).rejects.toMatchObject({
      code: 'rejected',
      verified: true,
    })
  })
})

describe('decrypt: true', () => {
  it('Keychain signs instead: a typed error saying this wallet does not decrypt', async () => {
    await loggedIn('keychain')
    const error = await challenge(h!.client, { account: 'alice', keyType: 'memo', message: MEMO_VECTORS.toAliceFromBob, decrypt: true }).catch(
      (e: unknown) => e,
    )
    expect(error).toMatchObject({ code: 'failed', reason: 'unsupported', retryable: false })
    expect((error as HasFailedError).shortMessage).toMatch(/cannot decrypt/)
  })

  it.each(['docs-v1', 'hiveauth-mobile', 'pksa-service'] as const)('%s decrypts the memo with the account key', async (profile) => {
    await loggedIn(profile)
    const result = await challenge(h!.client, { account: 'alice', keyType: 'memo', message: MEMO_VECTORS.toAliceFromBob, decrypt: true })
    expect(result).toEqual({ pubkey: MEMO_VECTORS.alicePublicMemo, text: MEMO_VECTORS.toAliceFromBobPlain.slice(1) })
  })
})

describe('a key role the wallet lacks', () => {
  const lacksActive = { accounts: [{ name: 'alice', lacks: ['active' as const] }, 'bob'] }
  const challenge = { keyType: 'active' as const, message: 'log in with active' }

  it('the HiveAuth app approves the login without the challenge: failed, naming the role', async () => {
    h = await createHarness({ wallet: { profile: 'hiveauth-mobile', ...lacksActive } })
    const error = (await h.login('alice', { challenge }).catch((e: unknown) => e)) as HasFailedError
    expect(error).toMatchObject({ code: 'failed', reason: 'missing_key', keyType: 'active' })
    expect(error.shortMessage).toMatch(/active key/)
    expect(h.client.getState().sessions).toEqual([])
  })

  it('Keychain sends nothing: the expiry names the role the wallet may not hold', async () => {
    h = await createHarness({ wallet: { profile: 'keychain', ...lacksActive } })
    const result = await settleWithClock(() => h!.login('alice', { challenge }))
    expect(result.error).toMatchObject({ code: 'expired', hint: 'missing_key', keyType: 'active' })
    expect((result.error as HasExpiredError).shortMessage).toMatch(/active key of @alice/)
  })

  it('a posting challenge from the same wallet still works', async () => {
    h = await createHarness({ wallet: { profile: 'keychain', ...lacksActive } })
    const session = await h.login('alice', { challenge: { keyType: 'posting', message: 'ok' } })
    expect(verifySignature('ok', session.challenge!.signature, session.challenge!.pubkey)).toBe(true)
  })
})

describe('smaller departures', () => {
  it('Keychain announces auth_wait and sign_wait to the relay, not challenge_wait (the relay ignores them)', async () => {
    await loggedIn('keychain')
    await sign(h!.client, { account: 'alice', keyType: 'posting', ops: vote() })
    await challenge(h!.client, { account: 'alice', keyType: 'posting', message: 'm' })
    const announced = h!.frames
      .filter((f) => f.direction === 'in')
      .map((f) => JSON.parse(f.text))
      .filter((f) => /_wait$/.test(f.cmd) && !f.uuid)
    expect(announced.map((f) => f.cmd)).toEqual(['auth_wait', 'sign_wait'])
  })

  it.each([
    ['keychain', true],
    ['docs-v1', false],
  ] as const)('%s: a replayed challenge_req (same nonce) is answered again: %s', async (profile, answered) => {
    await loggedIn(profile)
    await challenge(h!.client, { account: 'alice', keyType: 'posting', message: 'once' })
    const original = h!.frames.find((f) => f.direction === 'in' && f.text.includes('"cmd":"challenge_req"'))!.text
    const { default: WebSocket } = await import('ws')
    const replayer = new WebSocket(h!.server.url)
    const received: string[] = []
    replayer.on('message', (raw) => received.push(JSON.parse(raw.toString()).cmd))
    await until(() => received.includes('connected'))
    replayer.send(original) // the relay's own replay: a new uuid, the same encrypted data and nonce
    if (answered) await until(() => received.includes('challenge_ack'))
    else {
      await until(() => h!.frames.some((f) => f.direction === 'in' && /invalid \(nonce\)/.test(f.text)))
      await settle(50)
      expect(received).not.toContain('challenge_ack')
    }
    replayer.terminate()
  })

  it.each([
    ['hiveauth-mobile', 'answers it (it makes a nonce up)'],
    ['docs-v1', 'refuses it'],
  ] as const)("%s: a challenge without a nonce (the official wrapper's default challenge) %s", async (profile, _outcome) => {
    const session = await loggedIn(profile).then((harness) => harness.client.getState().sessions[0]!)
    const { default: WebSocket } = await import('ws')
    const app = new WebSocket(h!.server.url)
    const received: Record<string, unknown>[] = []
    app.on('message', (raw) => received.push(JSON.parse(raw.toString())))
    await until(() => received.some((f) => f.cmd === 'connected'))
    const ask = (data: Record<string, unknown>) =>
      app.send(JSON.stringify({ cmd: 'challenge_req', account: 'alice', token: session.token, data: encryptPayload(data, session.key) }))
    ask({ key_type: 'posting', challenge: 'no nonce here' })
    if (profile === 'hiveauth-mobile') {
      await until(() => received.some((f) => f.cmd === 'challenge_ack'))
      const ack = decryptPayload(String(received.find((f) => f.cmd === 'challenge_ack')!.data), session.key) as Record<string, string>
      expect(verifySignature('no nonce here', ack.challenge!, alice.publicKeys.posting)).toBe(true)
      ask({ key_type: 'posting', challenge: 'a stale nonce', nonce: 1 }) // the exception is for a missing nonce only
    }
    await until(() => h!.frames.some((f) => f.direction === 'in' && /invalid \(nonce\)/.test(f.text)))
    await settle(50)
    expect(received.filter((f) => f.cmd === 'challenge_ack')).toHaveLength(profile === 'hiveauth-mobile' ? 1 : 0)
    app.terminate()
  })

  it('the service PKSA with a wrong secret stays silent: the expiry says why', async () => {
    h = await createHarness({ wallet: { profile: 'pksa-service', secret: 'the-right-secret' }, client: { authKeySecret: 'a-wrong-secret' } })
    const result = await settleWithClock(() => authenticate(h!.client, { account: 'alice' }))
    expect(result.error).toMatchObject({ code: 'expired', hint: 'service_mode' })
  })
})

describe('renew without a scan (opt-in)', () => {
  it('Keychain approves a login that carries its token at once, keeping the session key (no scan)', async () => {
    await loggedIn('keychain')
    const first = h!.client.getSession('alice')!
    const seen: PendingRequest[] = []
    const renewed = await authenticate(h!.client, { account: 'alice', renew: true, onWait: (p) => seen.push(p) })
    expect(renewed).toMatchObject({ account: 'alice', key: first.key, token: first.token })
    expect(seen).toMatchObject([{ renew: true }])
    const renewal = h!.frames.filter((f) => f.direction === 'in' && f.text.includes('"cmd":"auth_req"')).at(-1)!
    expect(JSON.parse(renewal.text).token).toBe(first.token)
  })

  it('when the wallet does not answer the renewal, a normal login (fresh key, scanned) follows in the same call', async () => {
    h = await createHarness({ wallet: { profile: 'keychain' } })
    const storage = createMemoryStorage()
    const stale = { account: 'alice', key: 'a-key-the-wallet-forgot', token: 'a-token-it-forgot', expire: Date.now() + 3_600_000, host: h.server.url }
    storage.setItem(STORAGE_KEY, JSON.stringify({ version: 1, sessions: [stale], pending: [], nonce: 0 }))
    const client = createHasClient({ app: { name: 'renew' }, hosts: [h.server.url], storage })
    try {
      const seen: PendingRequest[] = []
      vi.useFakeTimers(FAKE_CLOCK)
      let result: unknown
      void authenticate(client, {
        account: 'alice',
        renew: { waitMs: 5000 },
        onWait: (p) => (seen.push(p), p.renew ? undefined : void h!.wallet.scan(p.deepLink)),
      }).then((session) => (result = session))
      await until(
        () => seen.length === 1,
        5000,
        () => vi.advanceTimersByTimeAsync(5),
      )
      await vi.advanceTimersByTimeAsync(5001)
      await until(
        () => result !== undefined,
        5000,
        () => vi.advanceTimersByTimeAsync(5),
      )
      expect(seen.map((p) => Boolean(p.renew))).toEqual([true, false])
      expect(result).toMatchObject({ account: 'alice' })
      expect((result as { key: string }).key).not.toBe(stale.key)
    } finally {
      client.close()
    }
  })
})
