import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createLoginMessage } from '../../src/core/chain/loginMessage'
import { createChain } from '../../src/devkit/chain'
import { createDevkitAccount } from '../../src/devkit/accounts'
import { signMessage } from '../../src/devkit/keys'
import { createMemoryStore } from '../../src/server/createMemoryStore'
import { issueNonce, nonceKey } from '../../src/server/nonces'
import { verifyLogin } from '../../src/server/verifyLogin'

// verifyLogin as a dApp's server calls it: the nonce it issued is looked at before any Hive node is asked (without
// using it up), and used up last, so a failed check never burns a victim's nonce.

const alice = createDevkitAccount('alice')
const mallory = createDevkitAccount('mallory')

let chain: ReturnType<typeof createChain>
let calls: number
beforeEach(() => {
  chain = createChain({ accounts: ['alice'] })
  calls = 0
})
afterEach(() => vi.useRealTimers())

const countingFetch = ((...args: Parameters<typeof fetch>) => {
  calls++
  return chain.fetch(...args)
}) as typeof fetch

function login(nonce: string, key = alice.keys.posting!) {
  const message = createLoginMessage({ domain: 'example.com', account: 'alice', uri: 'https://example.com/', nonce, statement: 'Log in to Example.' })
  return { message, signature: signMessage(message, key) }
}

const check = (store: ReturnType<typeof createMemoryStore>, signed: { message: string; signature: string }) =>
  verifyLogin({
    ...signed,
    store,
    domain: 'example.com',
    uri: 'https://example.com/',
    nodes: [chain.url],
    fetch: countingFetch,
    cacheMs: 0,
  } as Parameters<typeof verifyLogin>[0])

describe('verifyLogin', () => {
  it('a valid login uses its nonce up: the same message never logs in twice', async () => {
    const store = createMemoryStore()
    const signed = login(await issueNonce(store))
    expect(await check(store, signed)).toMatchObject({ valid: true, account: 'alice', publicKey: alice.publicKeys.posting })
    expect(await check(store, signed)).toMatchObject({ valid: false, code: 'nonce' })
  })

  it('a message whose nonce was never issued is refused before any node is asked', async () => {
    const store = createMemoryStore()
    expect(await check(store, login('NeverIssued123'))).toMatchObject({ valid: false, code: 'nonce' })
    expect(calls).toBe(0)
  })

  it('a login that fails its checks leaves the nonce for its owner', async () => {
    const store = createMemoryStore()
    const nonce = await issueNonce(store)
    expect(await check(store, login(nonce, mallory.keys.posting!))).toMatchObject({ valid: false, code: 'key_not_authorized' })
    expect(await store.get(nonceKey(nonce))).toBe('1')
    expect(await check(store, login(nonce))).toMatchObject({ valid: true })
  })

  it('of concurrent submissions of one signed login, exactly one wins', async () => {
    const store = createMemoryStore()
    const signed = login(await issueNonce(store))
    const results = await Promise.all(Array.from({ length: 8 }, () => check(store, signed)))
    expect(results.filter((r) => r.valid)).toHaveLength(1)
    expect(results.filter((r) => !r.valid).every((r) => r.code === 'nonce')).toBe(true)
  })

  it('a nonce that expired in the store is refused', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const store = createMemoryStore()
    const signed = login(await issueNonce(store, { ttlMs: 1000 }))
    vi.advanceTimersByTime(1001)
    expect(await check(store, signed)).toMatchObject({ valid: false, code: 'nonce' })
    expect(calls).toBe(0)
  })
})
