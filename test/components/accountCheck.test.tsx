// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { createChain } from '../../src/devkit/chain'
import { HasProvider } from '../../src/react/HasProvider'
import { createReactDevkit } from '../support/reactDevkit'

// A mistyped account name does not leave a QR code no wallet can approve: the nodes are asked beside the login, and
// an account they agree does not exist brings the form back, saying so. Nodes that do not answer change nothing.

let kit: ReturnType<typeof createReactDevkit> | undefined
afterEach(() => {
  cleanup()
  kit?.close()
  kit = undefined
})

const chain = createChain({ accounts: ['alice', 'bob'] })

function renderModal(fetch: typeof globalThis.fetch = chain.fetch) {
  kit = createReactDevkit()
  render(
    <HasProvider app={{ name: 'Account check' }} devkit={kit.devkit} storage={kit.storage} connectors={[]} chain={{ nodes: [chain.url], fetch }}>
      <HasLoginButton avatarUrl={false} />
    </HasProvider>,
  )
  return userEvent.setup()
}

async function typeAccount(user: ReturnType<typeof userEvent.setup>, account: string) {
  await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
  const dialog = await screen.findByRole('dialog')
  await user.type(within(dialog).getByLabelText('Hive account'), `${account}{Enter}`)
  return dialog
}

describe('the account is checked beside the login', () => {
  it('an account that does not exist: the form comes back, says so, and the request is given up', async () => {
    const user = renderModal()
    const dialog = await typeAccount(user, 'mallory')
    expect((await within(dialog).findByRole('alert')).textContent).toBe('No Hive account is named @mallory. Check the spelling.')
    expect(within(dialog).getByLabelText<HTMLInputElement>('Hive account').value).toBe('mallory')
    expect(within(dialog).queryByRole('link', { name: 'Open in wallet' })).toBeNull()
    expect(dialog.getAttribute('data-status')).toBe('idle')
    await waitFor(() => expect(kit!.devkit.relay.requests().filter((r) => r.kind === 'auth')).toHaveLength(1))
    await user.type(within(dialog).getByLabelText('Hive account'), '{Backspace}')
    expect(within(dialog).queryByRole('alert')).toBeNull() // what is typed now is another name
  })

  it('an account that exists goes on to its QR code', async () => {
    const user = renderModal()
    const dialog = await typeAccount(user, 'alice')
    await within(dialog).findByRole('link', { name: 'Open in wallet' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(within(dialog).queryByRole('alert')).toBeNull()
  })

  it('nodes that do not answer change nothing (offline)', async () => {
    const user = renderModal((async () => {
      throw new Error('offline')
    }) as unknown as typeof globalThis.fetch)
    const dialog = await typeAccount(user, 'mallory')
    await within(dialog).findByRole('link', { name: 'Open in wallet' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(within(dialog).queryByRole('alert')).toBeNull()
  })
})
