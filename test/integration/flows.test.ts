import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseAuthLink } from '../../src/core/protocol/links'
import { HasExpiredError } from '../../src/core/errors/HasExpiredError'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import { HasCancelledError } from '../../src/core/errors/HasCancelledError'
import { HasNotAuthenticatedError } from '../../src/core/errors/HasNotAuthenticatedError'
import { verifySignature } from '../../src/core/crypto/signatures'
import { WALLET_PROFILES } from '../../src/devkit/profiles'
import { createHarness, type Harness } from '../support/devkitHarness'
import { FAKE_CLOCK, until } from '../support/until'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'
import { sign } from '../../src/core/actions/sign'

let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.close()
  h = undefined
})

const vote = [['vote', { voter: 'alice', author: 'bob', permlink: 'hello', weight: 10000 }]] as [string, Record<string, unknown>][]

describe.each(WALLET_PROFILES)('profile %s, wallet approves', (profile) => {
  it('logs in with a signed challenge that verifies, then signs and answers a challenge', async () => {
    h = await createHarness({ wallet: { profile } })
    let deepLink = ''
    const message = JSON.stringify({ login: 'alice', ts: Date.now() })
    const session = await h.login('alice', { challenge: { keyType: 'posting', message }, onWait: (p) => (deepLink = p.deepLink) })

    const alice = h.wallet.accounts[0]!
    expect(session.account).toBe('alice')
    expect(session.expire).toBeGreaterThan(Date.now())
    expect(session.challenge?.pubkey).toBe(alice.publicKeys.posting)
    expect(verifySignature(message, session.challenge!.signature, alice.publicKeys.posting)).toBe(true)
    expect(parseAuthLink(deepLink)).toEqual({ account: 'alice', uuid: expect.any(String), key: session.key, host: h.server.url })
    expect(Boolean(session.token)).toBe(profile === 'keychain' || profile === 'hiveauth-mobile')
    expect(h.client.getState().sessions.map((s) => s.account)).toEqual(['alice'])

    const tx = await sign(h.client, { account: 'alice', keyType: 'posting', ops: vote })
    expect(tx.txid).toMatch(/^[0-9a-f]{40}$/)
    expect(tx.broadcast).toBe(true)

    const proof = await challenge(h.client, { account: 'alice', keyType: 'active', message: 'prove it' })
    expect(proof.pubkey).toBe(alice.publicKeys.active)
    expect(verifySignature('prove it', proof.signature, proof.pubkey)).toBe(true)
  })
})

describe('refusals and failures', () => {
  it('a verified nack (docs-v1) rejects with HasRejectedError, verified', async () => {
    h = await createHarness({ wallet: { decision: 'reject' } })
    const error = await h.login().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasRejectedError)
    expect((error as HasRejectedError).verified).toBe(true)
    expect(h.client.getState().sessions).toEqual([])
  })

  it('an encrypted *_err is decrypted; a plain-text one (service PKSA) is shown raw', async () => {
    h = await createHarness({ wallet: { decision: 'error' } })
    const encrypted = await h.login().catch((e: unknown) => e)
    expect(encrypted).toBeInstanceOf(HasFailedError)
    expect((encrypted as HasFailedError).details).toBe('Simulated wallet error')
    expect((encrypted as HasFailedError).source).toBe('wallet')
    await h.close()

    h = await createHarness({ wallet: { decision: 'error', profile: 'pksa-service', secret: 's3cret' }, client: { authKeySecret: 's3cret' } })
    const plain = await authenticate(h.client, { account: 'bob' }).catch((e: unknown) => e)
    expect((plain as HasFailedError).details).toBe('Simulated wallet error')
  })

  it('a wallet that ignores the request ends in HasExpiredError at the relay expiry, with nothing from the relay', async () => {
    h = await createHarness({ wallet: { decision: 'ignore' } })
    vi.useFakeTimers(FAKE_CLOCK)
    let waiting = false
    const outcome = h.login('alice', { onWait: () => (waiting = true) }).catch((e: unknown) => e)
    await until(() => waiting)
    await vi.advanceTimersByTimeAsync(59_000)
    expect(h.client.getState().requests[0]?.status).toBe('waiting')
    await vi.advanceTimersByTimeAsync(2_000)
    expect(await outcome).toBeInstanceOf(HasExpiredError)
    expect(h.client.getState().requests).toEqual([])
  })

  it('sign_req without a session fails at once with HasNotAuthenticatedError', async () => {
    h = await createHarness()
    await expect(sign(h.client, { account: 'bob', keyType: 'posting', ops: vote })).rejects.toBeInstanceOf(HasNotAuthenticatedError)
  })

  it('an abort signal cancels locally with HasCancelledError', async () => {
    h = await createHarness({ wallet: { decision: 'ignore' } })
    const controller = new AbortController()
    const promise = authenticate(h.client, { account: 'alice', signal: controller.signal, onWait: () => controller.abort() })
    await expect(promise).rejects.toBeInstanceOf(HasCancelledError)
    expect(h.client.getState().requests).toEqual([])
  })
})

describe('service mode', () => {
  it('the PKSA learns the auth_key from the shared secret, with no QR code', async () => {
    h = await createHarness({ wallet: { profile: 'pksa-service', secret: 'shared-secret' }, client: { authKeySecret: 'shared-secret' } })
    const session = await authenticate(h.client, { account: 'bob' })
    expect(session.account).toBe('bob')
    // The service PKSA leaves `broadcast` out of sign_ack; a txid still means it broadcast.
    const tx = await sign(h.client, {
      account: 'bob',
      keyType: 'posting',
      ops: [['vote', { voter: 'bob', author: 'alice', permlink: 'p', weight: 1 }]],
    })
    expect(tx).toEqual({ broadcast: true, txid: expect.stringMatching(/^[0-9a-f]{40}$/) })
  })
})
