import { afterEach, describe, expect, it } from 'vitest'
import { authenticate } from '../../src/core/actions/authenticate'
import { challenge } from '../../src/core/actions/challenge'
import { sign } from '../../src/core/actions/sign'
import { HasCancelledError } from '../../src/core/errors/HasCancelledError'
import { verifySignature } from '../../src/core/crypto/signatures'
import { createHarness, type Harness } from '../support/devkitHarness'
import { until } from '../support/until'

// A request cancelled in the dApp is not cancelled in the wallet (HAS has no cancel message): approving it there still
// signs, and broadcasts a transaction. The client keeps listening until the request expires and records the approval.

let h: Harness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

const transfer = [['transfer', { from: 'alice', to: 'bob', amount: '250000.000 HIVE', memo: '' }]] as [string, Record<string, unknown>][]

/** Logs alice in, then leaves the wallet's next answers to the test. */
async function loggedIn() {
  h = await createHarness()
  await h.login('alice')
  h.wallet.setDecision('manual')
  return h
}

/** The request the wallet shows, once it shows one. */
async function shownInWallet(harness: Harness) {
  await until(() => harness.wallet.pending().length === 1, 5000)
  return harness.wallet.pending()[0]!
}

describe('a request cancelled here that the wallet approves anyway', () => {
  it('sign: the cancel says the wallet may still sign; the approval lands in state.last with its txid, marked late', async () => {
    const harness = await loggedIn()
    const request = sign(harness.client, { account: 'alice', keyType: 'active', ops: transfer })
    const shown = await shownInWallet(harness)
    harness.client.cancel(request.id)
    const error = await request.catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasCancelledError)
    expect((error as HasCancelledError).walletMaySign).toBe(true)
    expect(harness.client.getState().last.sign).toMatchObject({ id: request.id, status: 'cancelled' })

    harness.wallet.approve(shown.uuid)
    await until(() => harness.client.getState().last.sign?.status === 'approved', 5000)
    const late = harness.client.getState().last.sign!
    expect(late).toMatchObject({ id: request.id, account: 'alice', late: true, result: { broadcast: true } })
    expect((late.result as { txid: string }).txid).toMatch(/^[0-9a-f]{40}$/)
    expect(late.error).toBeUndefined()
    expect(harness.client.getState().requests).toEqual([])
  })

  it('challenge: the late signature is recorded, and it verifies', async () => {
    const harness = await loggedIn()
    const request = challenge(harness.client, { account: 'alice', keyType: 'posting', message: 'prove it' })
    const shown = await shownInWallet(harness)
    harness.client.cancel(request.id)
    await expect(request).rejects.toMatchObject({ code: 'cancelled', walletMaySign: true })
    harness.wallet.approve(shown.uuid)
    await until(() => harness.client.getState().last.challenge?.status === 'approved', 5000)
    const late = harness.client.getState().last.challenge!
    expect(late.late).toBe(true)
    const { pubkey, signature } = late.result as { pubkey: string; signature: string }
    expect(verifySignature('prove it', signature, pubkey)).toBe(true)
  })

  it('a refusal after the cancel changes nothing: it stays cancelled', async () => {
    const harness = await loggedIn()
    const request = sign(harness.client, { account: 'alice', keyType: 'active', ops: transfer })
    const shown = await shownInWallet(harness)
    harness.client.cancel(request.id)
    await request.catch(() => {})
    harness.wallet.reject(shown.uuid)
    // The next request's outcome shows the rejection was read (frames are handled in order) and left the first alone.
    harness.wallet.setDecision('approve')
    await sign(harness.client, { account: 'alice', keyType: 'posting', ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 1 }]] })
    expect(harness.client.getState().last.sign).toMatchObject({ status: 'approved' })
    expect(harness.client.getState().last.sign?.late).toBeUndefined()
  })

  it('a request cancelled before its frame left says the wallet never saw it', async () => {
    h = await createHarness()
    const { client } = h
    const request = authenticate(client, { account: 'alice' })
    client.cancel(request.id) // its socket (and, on a first request, the runner's code) is not there yet
    await expect(request).rejects.toMatchObject({ code: 'cancelled', walletMaySign: false })
  })
})
