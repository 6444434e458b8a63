// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { keychain } from '../../src/core/connectors/keychain'
import { createChain } from '../../src/devkit/chain'
import { type FakeKeychain, installFakeKeychain } from '../../src/devkit/fakeKeychain'
import { useHasConnection } from '../../src/react/hooks/useHasConnection'
import { useHasConnectors } from '../../src/react/hooks/useHasConnectors'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { createReactDevkit } from '../support/reactDevkit'

// The hooks with a wallet besides HiveAuth: the list of wallets (installed now or not), a login through Keychain, and a
// sign routed to the session's wallet — the same hooks and mutations as HiveAuth's.

let kit: ReturnType<typeof createReactDevkit> | undefined
let fake: FakeKeychain | undefined
afterEach(() => {
  vi.useRealTimers()
  fake?.uninstall()
  fake = undefined
  kit?.close()
  kit = undefined
})

describe('useHasConnectors', () => {
  it('lists HiveAuth first, then each configured wallet, and notices a late injection', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'Date'] })
    kit = createReactDevkit()
    fake = installFakeKeychain({ accounts: ['alice'], injectAfterMs: 1200 })
    const { result } = renderHook(() => useHasConnectors(), { wrapper: kit.wrapper({ connectors: [keychain()] }) })
    expect(result.current.map((c) => [c.id, c.kind, c.installed])).toEqual([
      ['hiveauth', 'relay', true],
      ['keychain', 'injected', false],
    ])
    await act(() => vi.advanceTimersByTimeAsync(1500))
    expect(result.current[1]).toMatchObject({
      id: 'keychain',
      installed: true,
      name: 'Hive Keychain',
      downloadUrls: { web: 'https://hive-keychain.com' },
    })
  })

  it('renders "not installed" first (as a server would), then what the page has', async () => {
    kit = createReactDevkit()
    fake = installFakeKeychain({ accounts: ['alice'] })
    const seen: boolean[] = []
    const { result } = renderHook(
      () => {
        const list = useHasConnectors()
        seen.push(list[1]!.installed)
        return list
      },
      { wrapper: kit.wrapper({ connectors: [keychain()] }) },
    )
    await waitFor(() => expect(result.current[1]!.installed).toBe(true))
    expect(seen[0]).toBe(false)
  })

  it('is HiveAuth alone without connectors', () => {
    kit = createReactDevkit()
    const { result } = renderHook(() => useHasConnectors(), { wrapper: kit.wrapper() })
    expect(result.current.map((c) => c.id)).toEqual(['hiveauth'])
  })
})

describe('useHiveAuth and useHasSign with Hive Keychain', () => {
  it('logs in through Keychain (verified on chain), and a vote goes to Keychain, not to the relay', async () => {
    const chain = createChain({ accounts: ['alice'] })
    kit = createReactDevkit()
    fake = installFakeKeychain({ accounts: ['alice'], chain })
    const wrapper = kit.wrapper({ connectors: [keychain()], chain: { nodes: [chain.url], fetch: chain.fetch } })
    const { result } = renderHook(() => ({ auth: useHiveAuth(), vote: useHasSign(), connection: useHasConnection() }), { wrapper })
    await waitFor(() => expect(result.current.auth.status).toBe('idle'))
    let session: Awaited<ReturnType<typeof result.current.auth.login>>
    await act(async () => {
      session = await result.current.auth.login('alice', { connector: 'keychain', verify: true })
    })
    expect(session!).toMatchObject({ account: 'alice', connector: 'keychain', verified: true })
    await waitFor(() => expect(result.current.auth.session?.connector).toBe('keychain'))
    await act(async () => {
      await result.current.vote.signAsync({ keyType: 'posting', ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 100 }]] })
    })
    await waitFor(() => expect(result.current.vote.data).toMatchObject({ broadcast: true, txid: expect.stringMatching(/^[0-9a-f]{40}$/) }))
    expect(fake.requests.map((r) => r.type)).toEqual(['signBuffer', 'broadcast'])
    expect(result.current.connection.status).toBe('idle') // no socket was ever opened: Keychain is not reached through a relay
  })
})
