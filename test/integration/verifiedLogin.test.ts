import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseLoginMessage } from '../../src/core/chain/loginMessage'
import { HasConnectionError } from '../../src/core/errors/HasConnectionError'
import { HasVerificationError } from '../../src/core/errors/HasVerificationError'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { createChain } from '../../src/devkit/chain'
import { createHarness, type Harness } from '../support/devkitHarness'
import { FAKE_CLOCK, until } from '../support/until'

// login(account, { verify: true }) checks the login's key on chain (here the devkit node, in memory) before it counts.

let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.close()
  h = undefined
})

describe('a verified login', () => {
  it('signs a Sign in with Hive message for this page and marks the session verified', async () => {
    const chain = createChain()
    h = await createHarness({ client: { chain: { nodes: [chain.url], fetch: chain.fetch } } })
    const session = await h.login('alice', { verify: true })
    expect(session.verified).toBe(true)
    expect(parseLoginMessage(session.challenge!.message)).toMatchObject({
      account: 'alice',
      domain: 'localhost',
      statement: 'Log in to Devkit test dApp.',
    })
    expect(h.client.getSession('alice')?.verified).toBe(true)
  })

  it('a key the chain does not list for the account fails the login with HasVerificationError, and no session is kept', async () => {
    const chain = createChain()
    chain.update('alice', (a) => {
      a.posting.key_auths = [[createDevkitAccount('bob').publicKeys.posting, 1]] // alice's posting key was replaced on chain
    })
    h = await createHarness({ client: { chain: { nodes: [chain.url], fetch: chain.fetch } } })
    const error = await h.login('alice', { verify: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasVerificationError)
    expect((error as HasVerificationError).details).toMatch(/not a posting key of @alice/)
    expect(h.client.getState().sessions).toEqual([])
    expect(h.client.getState().last.auth).toMatchObject({ status: 'failed', error })
  })

  it('when no node answers, the login fails as not verified for that reason (nodes), never verified by default', async () => {
    h = await createHarness({ client: { chain: { nodes: ['memory://nowhere'], fetch: createChain().fetch } } })
    const error = await h.login('alice', { verify: true }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HasVerificationError)
    expect(error).toMatchObject({ code: 'verification', reason: 'nodes' })
    expect((error as HasVerificationError).cause).toBeInstanceOf(HasConnectionError)
    expect(h.client.getState().sessions).toEqual([])
  })

  it('a node that never answers and ignores its abort signal cannot hold the login in verifying', async () => {
    const hanging = (() => new Promise<Response>(() => {})) as typeof fetch
    h = await createHarness({ client: { chain: { nodes: ['https://hangs.example'], fetch: hanging, timeoutMs: 600_000 } } })
    vi.useFakeTimers(FAKE_CLOCK)
    const outcome = h.login('alice', { verify: true, verifyTimeoutMs: 8000 }).catch((e: unknown) => e)
    await until(
      () => h!.client.getState().requests[0]?.status === 'verifying',
      5000,
      () => vi.advanceTimersByTimeAsync(5),
    )
    await vi.advanceTimersByTimeAsync(7900)
    expect(h.client.getState().requests[0]?.status).toBe('verifying')
    await vi.advanceTimersByTimeAsync(200)
    const error = await outcome
    expect(error).toBeInstanceOf(HasVerificationError)
    expect((error as HasVerificationError).shortMessage).toMatch(/in time/)
    expect(h.client.getState()).toMatchObject({ requests: [], sessions: [], last: { auth: { status: 'failed' } } })
  })

  it('without its own limit, the check gets what is left of the request’s time', async () => {
    const hanging = (() => new Promise<Response>(() => {})) as typeof fetch
    h = await createHarness({ client: { chain: { nodes: ['https://hangs.example'], fetch: hanging, timeoutMs: 600_000 } } })
    vi.useFakeTimers(FAKE_CLOCK)
    const outcome = h.login('alice', { verify: true }).catch((e: unknown) => e)
    await until(
      () => h!.client.getState().requests[0]?.status === 'verifying',
      5000,
      () => vi.advanceTimersByTimeAsync(5),
    )
    await vi.advanceTimersByTimeAsync(61_000)
    expect(await outcome).toBeInstanceOf(HasVerificationError)
  })
})
