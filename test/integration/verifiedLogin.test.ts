import { afterEach, describe, expect, it } from 'vitest'
import { parseLoginMessage } from '../../src/core/chain/loginMessage'
import { HasConnectionError } from '../../src/core/errors/HasConnectionError'
import { HasVerificationError } from '../../src/core/errors/HasVerificationError'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { createChain } from '../../src/devkit/chain'
import { createHarness, type Harness } from '../support/devkitHarness'

// login(account, { verify: true }) checks the login's key on chain (here the devkit node, in memory) before it counts.

let h: Harness | undefined
afterEach(async () => {
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

  it('when no node answers, the login fails with HasConnectionError: never verified by default', async () => {
    h = await createHarness({ client: { chain: { nodes: ['memory://nowhere'], fetch: createChain().fetch } } })
    await expect(h.login('alice', { verify: true })).rejects.toBeInstanceOf(HasConnectionError)
    expect(h.client.getState().sessions).toEqual([])
  })
})
