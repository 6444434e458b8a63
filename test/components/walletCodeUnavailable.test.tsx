// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, expect, it, vi } from 'vitest'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { type FakeKeychain, installFakeKeychain } from '../../src/devkit/fakeKeychain'
import { HasProvider } from '../../src/react/HasProvider'
import { createReactDevkit } from '../support/reactDevkit'

// Hive Keychain's code is a file fetched on first use; when it does not come (a deploy renamed it, the network dropped),
// the modal says so, in the user's words: not "could not reach a HiveAuth server", which the user never asked for.
vi.mock('../../src/core/connectors/startConnector', () => {
  throw new TypeError('Failed to fetch dynamically imported module')
})

let kit: ReturnType<typeof createReactDevkit> | undefined
let fake: FakeKeychain | undefined
afterEach(() => {
  cleanup()
  fake?.uninstall()
  kit?.close()
})

it('a Keychain login whose code cannot be fetched says a part of the page did not load, and offers to try again', async () => {
  fake = installFakeKeychain({ accounts: ['alice'] })
  kit = createReactDevkit()
  render(
    <HasProvider app={{ name: 'Wallet code' }} devkit={kit.devkit} storage={kit.storage}>
      <HasLoginButton avatarUrl={false} />
    </HasProvider>,
  )
  const user = userEvent.setup()
  await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
  const dialog = await screen.findByRole('dialog')
  await user.click(within(dialog).getByRole('button', { name: /Hive Keychain/ }))
  await user.type(within(dialog).getByLabelText('Hive account'), 'alice{Enter}')
  const alert = await within(dialog).findByRole('alert')
  expect(alert.textContent).toContain('Part of this page could not be loaded.')
  expect(alert.textContent).not.toContain('HiveAuth server')
  expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeTruthy()
  expect(fake.requests).toEqual([])
})
