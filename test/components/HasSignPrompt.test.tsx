// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { HasSignPrompt } from '../../src/components/HasSignPrompt/HasSignPrompt'
import { HasProvider } from '../../src/react/HasProvider'
import { useHasChallenge } from '../../src/react/hooks/useHasChallenge'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { expectNoAxeViolations } from '../support/axe'
import { createReactDevkit } from '../support/reactDevkit'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  cleanup()
  kit?.close()
})

function Page() {
  const auth = useHiveAuth()
  const sign = useHasSign()
  const challenge = useHasChallenge()
  return (
    <>
      <button onClick={() => void auth.login('alice', { onWait: kit.scan })}>login</button>
      <span>{auth.session ? 'in' : 'out'}</span>
      <button
        onClick={() => sign.mutate({ keyType: 'posting', ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'hello', weight: 10000 }]] })}
      >
        vote
      </button>
      <button onClick={() => challenge.mutate({ keyType: 'posting', message: 'prove-it' })}>prove</button>
      <HasSignPrompt mutation={sign} />
      <HasSignPrompt mutation={challenge} />
    </>
  )
}

describe('HasSignPrompt', () => {
  it('shows what is signed, with which key, the countdown and the wallet link, then the txid', async () => {
    kit = createReactDevkit()
    const user = userEvent.setup()
    render(
      <HasProvider app={{ name: 'Sign' }} devkit={kit.devkit} storage={kit.storage}>
        <Page />
      </HasProvider>,
    )
    await user.click(await screen.findByText('login'))
    await screen.findByText('in')
    kit.wallet.setDecision('manual')
    await user.click(screen.getByText('vote'))
    const dialog = await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    expect(within(dialog).getByText('With your posting key')).toBeTruthy()
    expect(within(dialog).getByText(/"permlink": "hello"/)).toBeTruthy()
    const link = await within(dialog).findByRole('link', { name: 'Open in wallet' })
    expect(link.getAttribute('href')).toMatch(/^has:\/\/sign_req\//)
    expect(within(dialog).getByText(/^\d+s left$/)).toBeTruthy()
    await expectNoAxeViolations(dialog)
    await waitFor(() => expect(kit.wallet.pending()).toHaveLength(1))
    act(() => kit.wallet.approve(kit.wallet.pending()[0]!.uuid))
    const done = await screen.findByRole('dialog', { name: 'Transaction approved' })
    expect(within(done).getByRole('status').textContent).toMatch(/Transaction id: [0-9a-f]{40}/)
    await user.click(within(done).getByRole('button', { name: 'Done' }))
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('shows a refusal with the wallet text, and Cancel while pending ends the request', async () => {
    kit = createReactDevkit({ wallet: { profile: 'keychain' } })
    const user = userEvent.setup()
    render(
      <HasProvider app={{ name: 'Sign' }} devkit={kit.devkit} storage={kit.storage}>
        <Page />
      </HasProvider>,
    )
    await user.click(await screen.findByText('login'))
    await screen.findByText('in')
    kit.wallet.setDecision('reject')
    await user.click(screen.getByText('prove'))
    const failed = await screen.findByRole('dialog', { name: 'Not signed' })
    expect(within(failed).getByRole('alert').textContent).toContain('The user declined the request')
    await user.click(within(failed).getByRole('button', { name: 'Dismiss' }))
    kit.wallet.setDecision('ignore')
    await user.click(screen.getByText('vote'))
    const pending = await screen.findByRole('dialog', { name: 'Approve the transaction in your wallet' })
    await user.click(await within(pending).findByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Approve the transaction in your wallet' })).toBeNull())
  })
})
