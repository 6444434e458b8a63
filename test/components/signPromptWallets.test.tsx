// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { HasSignPrompt } from '../../src/components/HasSignPrompt/HasSignPrompt'
import { keychain } from '../../src/core/connectors/keychain'
import { createChain } from '../../src/devkit/chain'
import { type FakeKeychain, installFakeKeychain } from '../../src/devkit/fakeKeychain'
import { createMemoryRelay } from '../../src/devkit/memory'
import { createMemoryStorage } from '../../src/core/storage/createMemoryStorage'
import { HasProvider } from '../../src/react/HasProvider'
import { useHasSign } from '../../src/react/hooks/useHasSign'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { expectNoAxeViolations } from '../support/axe'

// The sign prompt for a session of a browser wallet (the devkit's fake Hive Keychain): its request has no link to
// open (a HiveAuth request's "Open in wallet"); the prompt names the wallet and says where its window is.

const chain = createChain({ accounts: ['alice'] })
const relay = createMemoryRelay()
let extension: FakeKeychain | undefined
afterEach(() => {
  cleanup()
  extension?.uninstall()
  extension = undefined
})

function Page() {
  const auth = useHiveAuth()
  const sign = useHasSign()
  return (
    <>
      <button type="button" onClick={() => void auth.login('alice', { connector: 'keychain' })}>
        login
      </button>
      <span>{auth.session ? `in via ${auth.session.connector}` : 'out'}</span>
      <button
        type="button"
        onClick={() => sign.mutate({ keyType: 'posting', ops: [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 10000 }]] })}
      >
        vote
      </button>
      <HasSignPrompt mutation={sign} />
    </>
  )
}

describe('the sign prompt for a Hive Keychain session', () => {
  it('names Keychain and its window, offers no link to open, and shows the transaction once approved', async () => {
    extension = installFakeKeychain({ accounts: ['alice'], chain, decision: 'manual' })
    const user = userEvent.setup()
    render(
      <HasProvider app={{ name: 'Sign' }} devkit={relay} storage={createMemoryStorage()} connectors={[keychain()]}>
        <Page />
      </HasProvider>,
    )
    await user.click(screen.getByRole('button', { name: 'login' }))
    await waitFor(() => expect(extension!.pending()).toHaveLength(1))
    act(() => extension!.approve(extension!.pending()[0]!.id))
    await screen.findByText('in via keychain')

    await user.click(screen.getByRole('button', { name: 'vote' }))
    const dialog = await screen.findByRole('dialog')
    await screen.findByText('Approve in Hive Keychain')
    expect(dialog.textContent).toContain('No window? Click the Hive Keychain icon in your browser’s toolbar.')
    expect(screen.queryByRole('link', { name: 'Open in wallet' })).toBeNull()
    await expectNoAxeViolations(dialog)

    await waitFor(() => expect(extension!.pending()).toHaveLength(1))
    act(() => extension!.approve(extension!.pending()[0]!.id))
    await screen.findByText('Transaction approved')
    expect(chain.transactions()).toHaveLength(1)
  })
})
