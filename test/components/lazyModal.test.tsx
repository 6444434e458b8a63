// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { HasLoginButton } from '../../src/components/HasLoginButton/HasLoginButton'
import { loginModalCode } from '../../src/components/HasQrModal/HasLoginModal'
import { HasProvider } from '../../src/react/HasProvider'
import { createReactDevkit } from '../support/reactDevkit'

// The login modal's code (and the QR encoder's) is not part of the page's first load: it loads on the hover or focus
// that opens the socket, or on first open. This file runs in a fresh module registry: nothing loaded it before.

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  cleanup()
  kit?.close()
})

/** The drop-in button on the in-memory devkit, with a wallet that waits to be told what to answer. */
function renderLoginButton() {
  kit = createReactDevkit({ wallet: { decision: 'manual' } })
  render(
    <HasProvider app={{ name: 'Lazy' }} devkit={kit.devkit} storage={kit.storage}>
      <HasLoginButton avatarUrl={false} />
    </HasProvider>,
  )
}

describe('the modal on first use', () => {
  it('is not loaded with the button; hovering the button loads it, then the dialog opens at once', async () => {
    renderLoginButton()
    const user = userEvent.setup()
    const button = await screen.findByRole('button', { name: 'Log in with HiveAuth' })
    expect(loginModalCode.loaded()).toBeUndefined()
    await user.hover(button)
    await waitFor(() => expect(loginModalCode.loaded()).toBeDefined())
    await user.click(button)
    expect(await screen.findByRole('dialog')).toBeTruthy()
  })

  it('after Enter, focus is on the request, never on the has:// link: a second Enter opens nothing', async () => {
    renderLoginButton()
    const user = userEvent.setup()
    await user.click(await screen.findByRole('button', { name: 'Log in with HiveAuth' }))
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText('Hive account'), 'alice{Enter}')
    await within(dialog).findByRole('link', { name: 'Open in wallet' })
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Approve the login of @alice in your wallet'))
    expect(document.activeElement?.closest('a')).toBeNull()
  })
})
