// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HasSignPrompt } from '../../src/components/HasSignPrompt/HasSignPrompt'
import { esLabels } from '../../src/components/i18n/es'
import { createChain } from '../../src/devkit/chain'
import { HasUiProvider } from '../../src/components/theme/HasUiProvider'
import { HasProvider, type HasProviderProps } from '../../src/react/HasProvider'
import { useHasChallenge } from '../../src/react/hooks/useHasChallenge'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import type { SignVariables } from '../../src/query/sign'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { expectNoAxeViolations } from '../support/axe'
import { createReactDevkit } from '../support/reactDevkit'
import { FAKE_CLOCK } from '../support/until'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  cleanup()
  vi.useRealTimers()
  kit?.close()
})

/** "login" logs alice in (the wallet scans and approves); the span says whether she is in. */
function LoginAsAlice() {
  const auth = useHiveAuth()
  return (
    <>
      <button type="button" onClick={() => void auth.login('alice', { onWait: kit.scan })}>
        login
      </button>
      <span>{auth.session ? 'in' : 'out'}</span>
    </>
  )
}

function Page() {
  const sign = useHasSign()
  const challenge = useHasChallenge()
  return (
    <>
      <LoginAsAlice />
      <button
        type="button"
        onClick={() => sign.mutate({ keyType: 'posting', ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'hello', weight: 10000 }]] })}
      >
        vote
      </button>
      <button type="button" onClick={() => challenge.mutate({ keyType: 'posting', message: 'prove-it' })}>
        prove
      </button>
      <HasSignPrompt mutation={sign} />
      <HasSignPrompt mutation={challenge} />
    </>
  )
}

/** Logs alice in with its "login" button; then a button named `action` signs `variables`, followed by a prompt. */
function SignPage({ action, variables }: { action: string; variables: SignVariables }) {
  const sign = useHasSign()
  return (
    <>
      <LoginAsAlice />
      <button type="button" onClick={() => sign.mutate(variables)}>
        {action}
      </button>
      <HasSignPrompt mutation={sign} />
    </>
  )
}

/** Renders the page under a provider on the in-memory devkit and logs alice in through its "login" button. */
async function renderLoggedIn(user: ReturnType<typeof userEvent.setup>, page: ReactElement, chain?: HasProviderProps['chain']) {
  render(
    <HasProvider app={{ name: 'Sign' }} devkit={kit.devkit} storage={kit.storage} chain={chain}>
      {page}
    </HasProvider>,
  )
  await user.click(await screen.findByText('login'))
  await screen.findByText('in')
}

describe('HasSignPrompt', () => {
  it('shows what is signed, with which key, the countdown and the wallet link, then the txid', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    await renderLoggedIn(user, <Page />)
    kit.wallet.setDecision('manual')
    await user.click(screen.getByText('vote'))
    const dialog = await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    expect(within(dialog).getByText('With your posting key')).toBeTruthy()
    // a plain-language line first; the raw operations behind a disclosure
    expect(within(dialog).getByRole('listitem').textContent).toBe('Vote 100% on @bob/hello')
    const raw = within(dialog).getByText('Show the raw operations').closest('details')!
    expect(raw.open).toBe(false)
    expect(within(raw).getByText(/"permlink": "hello"/)).toBeTruthy()
    const link = await within(dialog).findByRole('link', { name: 'Open in wallet' })
    expect(link.getAttribute('href')).toMatch(/^has:\/\/sign_req\//)
    expect(within(dialog).getByText(/^\d+s left$/)).toBeTruthy()
    await expectNoAxeViolations(dialog)
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    const done = await screen.findByRole('dialog', { name: 'Transaction approved' })
    const txid = within(done).getByRole('figure', { name: 'Transaction id' })
    expect(txid.querySelector('code')?.textContent).toMatch(/^[0-9a-f]{40}$/)
    const id = txid.querySelector('code')!.textContent!
    expect(within(txid).getByRole('link', { name: 'View on block explorer' }).getAttribute('href')).toBe(`https://hivehub.dev/tx/${id}`)
    await user.click(within(txid).getByRole('button', { name: 'Copy: Transaction id' }))
    expect(await navigator.clipboard.readText()).toBe(id)
    expect(within(txid).getByRole('button', { name: 'Copied: Transaction id' })).toBeTruthy()
    await expectNoAxeViolations(done)
    await user.click(within(done).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('names the key in the user’s language, marks what needs the active key, reads VESTS as HP with chain data', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    const variables: SignVariables = {
      keyType: 'active',
      ops: [
        ['vote', { voter: 'alice', author: 'bob', permlink: 'hello', weight: 0 }],
        ['delegate_vesting_shares', { delegator: 'alice', delegatee: 'bob', vesting_shares: '1000000.000000 VESTS' }],
      ],
    }
    function Delegate() {
      const sign = useHasSign()
      return (
        <>
          <LoginAsAlice />
          <button type="button" onClick={() => sign.mutate(variables)}>
            delegate
          </button>
          <HasSignPrompt mutation={sign} labels={esLabels} hivePerVests={0.0006} />
        </>
      )
    }
    await renderLoggedIn(user, <Delegate />)
    kit.wallet.setDecision('manual')
    await user.click(screen.getByText('delegate'))
    const dialog = await screen.findByRole('dialog', { name: esLabels.signTitle })
    expect(within(dialog).getByText('Con tu clave activa')).toBeTruthy()
    const [unvote, delegation] = within(dialog).getAllByRole('listitem')
    expect(unvote!.textContent).toBe('Quitar tu voto de @bob/hello')
    expect(delegation!.textContent).toBe('Delegar 600,000 HP a @bobrequiere tu clave activa')
    expect(within(delegation!).getByText('requiere tu clave activa')).toBeTruthy()
    await expectNoAxeViolations(dialog)
  })

  it('reads VESTS as HP from the chain’s global properties when the app gives none (fetched once, on first use)', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    const chain = createChain({ accounts: ['alice', 'bob'] })
    const asked: string[] = []
    const fetchChain: typeof fetch = (input, init) => {
      asked.push(JSON.parse(String(init?.body)).method)
      return chain.fetch(input, init)
    }
    await renderLoggedIn(
      user,
      <SignPage
        action="delegate"
        variables={{
          keyType: 'active',
          ops: [['delegate_vesting_shares', { delegator: 'alice', delegatee: 'bob', vesting_shares: '1000000.000000 VESTS' }]],
        }}
      />,
      { nodes: [chain.url], fetch: fetchChain },
    )
    kit.wallet.setDecision('manual')
    await user.click(screen.getByText('delegate'))
    const dialog = await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    await waitFor(() => expect(within(dialog).getByRole('listitem').textContent).toBe('Delegate 600.000 HP to @bobneeds your active key'))
    expect(asked.filter((m) => m.endsWith('get_dynamic_global_properties'))).toHaveLength(1)
  })

  it('shows a refusal neutrally (no alert), with the wallet text and Try again; Cancel while pending ends the request', async () => {
    kit = createReactDevkit({ wallet: { profile: 'keychain' } })
    const user = userEvent.setup()
    await renderLoggedIn(user, <Page />)
    kit.wallet.setDecision('reject')
    await user.click(screen.getByText('vote'))
    const failed = await screen.findByRole('dialog', { name: 'Request declined' })
    expect(failed.closest('[data-status]')?.getAttribute('data-status') ?? failed.getAttribute('data-status')).toBe('rejected')
    expect(within(failed).queryByRole('alert')).toBeNull()
    expect(within(failed).getByRole('status').textContent).toContain('Request was canceled by the user.')
    // declined: "Try again" sends the same operations as a new request
    kit.wallet.setDecision('approve')
    await user.click(within(failed).getByRole('button', { name: 'Try again' }))
    await screen.findByRole('dialog', { name: 'Transaction approved' })
    expect(kit.devkit.relay.requests().filter((r) => r.kind === 'sign')).toHaveLength(2)
    await user.click(screen.getByRole('button', { name: 'Done' }))
    kit.wallet.setDecision('ignore')
    await user.click(screen.getByText('vote'))
    const pending = await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    await user.click(await within(pending).findByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Approve the transaction in your wallet' })).toBeNull())
  })

  it('Cancel on a request the wallet has says approving it there would still sign; an approval then shows its txid', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    await renderLoggedIn(user, <Page />)
    kit.wallet.setDecision('manual')
    await user.click(screen.getByText('vote'))
    const prompt = await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    await within(prompt).findByRole('link', { name: 'Open in wallet' })
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
    await user.click(within(prompt).getByRole('button', { name: 'Cancel' }))
    const cancelled = await screen.findByRole('dialog', { name: 'Request cancelled' })
    expect(within(cancelled).getByRole('status').textContent).toContain(
      'Your wallet may still show this request, and approving it there would still sign it. Decline it in your wallet if you do not want it.',
    )
    // Sent again, it could be signed twice: no "Try again" while the wallet may still approve the first.
    expect(within(cancelled).queryByRole('button', { name: 'Try again' })).toBeNull()
    await expectNoAxeViolations(cancelled)

    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    const late = await screen.findByRole('dialog', { name: 'Approved in your wallet after all' })
    const alert = within(late).getByRole('alert')
    expect(alert.textContent).toContain('You cancelled this request here, but it was approved in your wallet afterwards: it was signed.')
    expect(within(alert).getByRole('figure', { name: 'Transaction id' }).querySelector('code')?.textContent).toMatch(/^[0-9a-f]{40}$/)
    expect(within(late).getByRole('listitem').textContent).toBe('Vote 100% on @bob/hello') // what was signed, still shown
    await expectNoAxeViolations(late)
    await user.click(within(late).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('dismissed before the wallet approves anyway (Escape, then Dismiss), the prompt opens again to say it was signed', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    await renderLoggedIn(
      user,
      <SignPage
        action="transfer"
        variables={{ keyType: 'active', ops: [['transfer', { from: 'alice', to: 'bob', amount: '250000.000 HIVE', memo: '' }]] }}
      />,
    )
    kit.wallet.setDecision('manual')
    await user.click(screen.getByText('transfer'))
    const prompt = await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    await within(prompt).findByRole('link', { name: 'Open in wallet' })
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
    await user.keyboard('{Escape}')
    const cancelled = await screen.findByRole('dialog', { name: 'Request cancelled' })
    await user.click(within(cancelled).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByRole('dialog')).toBeNull()

    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    const late = await screen.findByRole('dialog', { name: 'Approved in your wallet after all' })
    expect(within(late).getByRole('alert').textContent).toContain('it was signed')
    expect(within(late).getByRole('figure', { name: 'Transaction id' }).querySelector('code')?.textContent).toMatch(/^[0-9a-f]{40}$/)
    await user.click(within(late).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('with two sign mutations A then B, the prompt for A shows and cancels A, never B', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    const outcomes: string[] = []
    function TwoSigners() {
      const a = useHasSign({ mutation: { onError: (e) => void outcomes.push(`A ${e.code}`), onSuccess: () => void outcomes.push('A ok') } })
      const b = useHasSign({ mutation: { onError: (e) => void outcomes.push(`B ${e.code}`), onSuccess: () => void outcomes.push('B ok') } })
      const ops = (permlink: string) => [['vote', { voter: 'alice', author: 'bob', permlink, weight: 1 }]] as [string, Record<string, unknown>][]
      return (
        <>
          <LoginAsAlice />
          <button type="button" onClick={() => a.mutate({ keyType: 'posting', ops: ops('post-a') })}>
            sign A
          </button>
          <button type="button" onClick={() => b.mutate({ keyType: 'posting', ops: ops('post-b') })}>
            sign B
          </button>
          <span data-testid="ids">{`${a.requestId}/${b.requestId}`}</span>
          <HasSignPrompt mutation={a} />
        </>
      )
    }
    await renderLoggedIn(user, <TwoSigners />)
    kit.wallet.setDecision('manual')
    await user.click(screen.getByText('sign A'))
    const prompt = await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    await within(prompt).findByRole('link', { name: 'Open in wallet' })
    await user.click(screen.getByText('sign B'))
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(2))
    const [idA, idB] = screen.getByTestId('ids').textContent!.split('/').map(Number)
    expect(idA).not.toBe(idB)
    await user.click(within(prompt).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(outcomes).toEqual(['A cancelled']))
    const live = kit.devkit.relay.requests().filter((r) => r.kind === 'sign')
    expect(live).toHaveLength(2)
    act(() => kit.wallet.approve(kit.wallet.pending().find((p) => JSON.stringify(p.ops).includes('post-b'))!.uuid))
    await waitFor(() => expect(outcomes).toEqual(['A cancelled', 'B ok']))
  })

  it('a relay or wallet text appears as their quote, labelled in the user’s language, never as the dApp’s words', async () => {
    kit = createReactDevkit({ wallet: { decision: 'error' } })
    const user = userEvent.setup()
    kit.wallet.setDecision('approve')
    await renderLoggedIn(
      user,
      <HasUiProvider labels={esLabels}>
        <Page />
      </HasUiProvider>,
    )
    kit.wallet.setDecision('error')
    await user.click(screen.getByText('vote'))
    const failed = await screen.findByRole('dialog', { name: esLabels.signFailedTitle })
    const quote = within(failed).getByRole('figure')
    expect(quote.querySelector('figcaption')?.textContent).toBe(esLabels.walletSaid)
    expect(quote.querySelector('blockquote')?.textContent).toBe('Simulated wallet error')
  })

  it('a transaction the chain refused (Keychain’s text nack) reads as a failed transaction, not a refusal', async () => {
    kit = createReactDevkit({ wallet: { profile: 'keychain' } })
    const user = userEvent.setup()
    await renderLoggedIn(
      user,
      <SignPage action="vote as bob" variables={{ keyType: 'posting', ops: [['vote', { voter: 'bob', author: 'x', permlink: 'y', weight: 1 }]] }} />,
    )
    await user.click(screen.getByText('vote as bob'))
    const failed = await screen.findByRole('dialog', { name: 'Transaction failed' })
    const alert = within(failed).getByRole('alert')
    expect(alert.textContent).toContain('the blockchain refused it')
    expect(alert.textContent).not.toContain('declined')
    expect(within(failed).getByRole('figure').querySelector('blockquote')?.textContent).toMatch(/missing required posting authority/i)
    // Sent again it fails the same way: Dismiss leads (and has focus); Try again, if offered, is not the primary action.
    const dismiss = within(failed).getByRole('button', { name: 'Dismiss' })
    await waitFor(() => expect(document.activeElement).toBe(dismiss))
    expect(dismiss.className).toContain('has-button--primary')
    expect(within(failed).queryByRole('button', { name: 'Try again' })?.className ?? '').not.toContain('has-button--primary')
    // The raw operations read left to right, whatever the page's direction.
    expect(failed.querySelector('pre.has-code')?.getAttribute('dir')).toBe('ltr')
  })

  it('a signed message shows its signature labelled, copyable, and wrapping; with explorerUrl={false} no link', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    function Prove() {
      const challenge = useHasChallenge()
      return (
        <>
          <LoginAsAlice />
          <button type="button" onClick={() => challenge.mutate({ keyType: 'posting', message: 'prove-it' })}>
            prove
          </button>
          <HasSignPrompt mutation={challenge} explorerUrl={false} />
        </>
      )
    }
    await renderLoggedIn(user, <Prove />)
    await user.click(screen.getByText('prove'))
    const done = await screen.findByRole('dialog', { name: 'Message signed' })
    const signature = within(done).getByRole('figure', { name: 'Signature' })
    expect(signature.querySelector('code')?.textContent).toMatch(/^[0-9a-f]{130}$/)
    expect(within(signature).queryByRole('link')).toBeNull()
    expect(within(signature).getByRole('button', { name: 'Copy: Signature' })).toBeTruthy()
  })

  it('in Spanish, signing before login reads "Inicia sesión antes de firmar", not the core’s English', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    render(
      <HasProvider app={{ name: 'Sign' }} devkit={kit.devkit} storage={kit.storage}>
        <HasUiProvider labels={esLabels}>
          <Page />
        </HasUiProvider>
      </HasProvider>,
    )
    await user.click(await screen.findByText('vote'))
    const failed = await screen.findByRole('dialog', { name: esLabels.signFailedTitle })
    expect(within(failed).getByRole('alert').textContent).toContain('Inicia sesión antes de firmar.')
    expect(within(failed).getByRole('alert').textContent).not.toMatch(/log in|logged|account/i)
  })

  it('an unanswered sign-only request offers no "Try again": the wallet may have broadcast it', async () => {
    vi.useFakeTimers({ ...FAKE_CLOCK, shouldAdvanceTime: true })
    kit = createReactDevkit()
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime })
    render(
      <HasProvider app={{ name: 'Sign' }} devkit={kit.devkit} storage={kit.storage} allowSignOnly>
        <SignPage
          action="sign only"
          variables={{ keyType: 'posting', broadcast: false, ops: [['vote', { voter: 'alice', author: 'b', permlink: 'c', weight: 1 }]] }}
        />
      </HasProvider>,
    )
    await user.click(await screen.findByText('login'))
    await screen.findByText('in')
    kit.wallet.setDecision('ignore')
    await user.click(screen.getByText('sign only'))
    await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    await act(() => vi.advanceTimersByTimeAsync(61_000))
    const failed = await screen.findByRole('dialog', { name: 'Not signed' })
    expect(within(failed).getByRole('alert').textContent).toContain('check your account before sending it again')
    expect(within(failed).queryByRole('button', { name: 'Try again' })).toBeNull()
    expect(within(failed).getByRole('button', { name: 'Dismiss' })).toBeTruthy()
  })
})
