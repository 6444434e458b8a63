// @vitest-environment jsdom
import { act, renderHook, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { HasNotAuthenticatedError } from '../../src/core/errors/HasNotAuthenticatedError'
import { HasRejectedError } from '../../src/core/errors/HasRejectedError'
import { verifySignature } from '../../src/core/crypto/signatures'
import { useHasChallenge } from '../../src/react/hooks/useHasChallenge'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { usePendingRequest } from '../../src/react/hooks/usePendingRequest'
import { createReactDevkit } from '../support/reactDevkit'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => kit?.close())
const vote = [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 100 }]] as [string, Record<string, unknown>][]

function renderAll() {
  return renderHook(() => ({ auth: useHiveAuth(), sign: useHasSign(), challenge: useHasChallenge(), pending: usePendingRequest() }), {
    wrapper: kit.wrapper(),
  })
}

describe('useHasSign and useHasChallenge', () => {
  it('fail with HasNotAuthenticatedError when nobody is logged in', async () => {
    kit = createReactDevkit()
    const { result } = renderAll()
    await waitFor(() => expect(result.current.auth.status).toBe('idle'))
    await act(async () => {
      await result.current.sign.mutateAsync({ keyType: 'posting', ops: vote }).catch(() => {})
    })
    await waitFor(() => expect(result.current.sign.status).toBe('error'))
    expect(result.current.sign.error).toBeInstanceOf(HasNotAuthenticatedError)
  })

  it('sign with the current session, showing the pending request meanwhile', async () => {
    kit = createReactDevkit()
    const { result } = renderAll()
    await act(() => result.current.auth.login('alice', { onWait: kit.scan }))
    kit.wallet.setDecision('manual')
    act(() => result.current.sign.mutate({ keyType: 'posting', ops: vote }))
    await waitFor(() => expect(result.current.pending?.kind).toBe('sign'))
    expect(result.current.sign.status).toBe('pending')
    expect(result.current.pending?.deepLink).toMatch(/^has:\/\/sign_req\//)
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    await waitFor(() => expect(result.current.sign.status).toBe('success'))
    expect(result.current.sign.data).toMatchObject({ broadcast: true, txid: expect.stringMatching(/^[0-9a-f]{40}$/) })
    expect(result.current.pending).toBeUndefined()
  })

  it('challenge with a named account returns a signature that verifies; a refusal is a typed error', async () => {
    kit = createReactDevkit()
    const { result } = renderAll()
    await act(() => result.current.auth.login('alice', { onWait: kit.scan }))
    await act(() => result.current.auth.login('bob', { onWait: kit.scan }))
    const proof = await act(() => result.current.challenge.mutateAsync({ account: 'alice', keyType: 'posting', message: 'who are you' }))
    expect(proof.pubkey).toBe(kit.wallet.accounts[0]!.publicKeys.posting)
    expect('signature' in proof && verifySignature('who are you', proof.signature, proof.pubkey)).toBe(true)
    kit.wallet.setDecision('reject')
    await act(async () => {
      await result.current.challenge.mutateAsync({ keyType: 'posting', message: 'again' }).catch(() => {})
    })
    await waitFor(() => expect(result.current.challenge.error).toBeInstanceOf(HasRejectedError))
  })

  it('a mutation knows its request: usePendingRequest({ requestId }) shows that one, never a newer one of its kind', async () => {
    kit = createReactDevkit()
    const { result } = renderHook(
      () => {
        const first = useHasSign()
        const second = useHasSign()
        return {
          auth: useHiveAuth(),
          first,
          second,
          firstPending: usePendingRequest({ requestId: first.requestId }),
          newest: usePendingRequest('sign'),
        }
      },
      { wrapper: kit.wrapper() },
    )
    await act(() => result.current.auth.login('alice', { onWait: kit.scan }))
    kit.wallet.setDecision('manual')
    expect(result.current.firstPending).toBeUndefined() // no request started yet: nothing, not the newest of a kind
    act(() => result.current.first.mutate({ keyType: 'posting', ops: vote }))
    await waitFor(() => expect(result.current.firstPending).toBeDefined())
    act(() => result.current.second.mutate({ keyType: 'posting', ops: vote }))
    await waitFor(() => expect(result.current.newest?.uuid).not.toBe(result.current.firstPending?.uuid))
    expect(result.current.first.requestId).not.toBe(result.current.second.requestId)
    const firstUuid = result.current.firstPending!.uuid
    expect(kit.devkit.relay.requests().map((r) => r.uuid)).toContain(firstUuid)
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(2))
    act(() => kit.wallet.approve(firstUuid))
    await waitFor(() => expect(result.current.first.status).toBe('success'))
    expect(result.current.firstPending).toBeUndefined()
    expect(result.current.second.status).toBe('pending')
  })
})
