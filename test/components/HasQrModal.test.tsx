// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HasQrModal } from '../../src/components/HasQrModal/HasQrModal'
import { esLabels } from '../../src/components/i18n/es'
import { HasProvider } from '../../src/react/HasProvider'
import { useHiveAuth } from '../../src/react/hooks/useHiveAuth'
import { expectNoAxeViolations } from '../support/axe'
import { createReactDevkit } from '../support/reactDevkit'

let kit: ReturnType<typeof createReactDevkit>
afterEach(() => {
  cleanup()
  kit?.close()
})

function Status() {
  return <output aria-label="status">{useHiveAuth().status}</output>
}

function renderWith(ui: React.ReactNode, kitOptions: Parameters<typeof createReactDevkit>[0] = { wallet: { decision: 'manual' } }) {
  kit = createReactDevkit(kitOptions)
  const user = userEvent.setup()
  render(
    <HasProvider app={{ name: 'Modal' }} devkit={kit.devkit} storage={kit.storage}>
      {ui}
      <Status />
    </HasProvider>,
  )
  return user
}

async function submit(user: ReturnType<typeof userEvent.setup>, account: string) {
  const dialog = await screen.findByRole('dialog')
  await user.type(within(dialog).getByLabelText('Hive account'), account)
  await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
  return { dialog, link: (await within(dialog).findByRole('link', { name: 'Open in wallet' })).getAttribute('href')! }
}

describe('HasQrModal', () => {
  it('controlled: the close button asks to close through onOpenChange, and closing while waiting cancels the request', async () => {
    const onOpenChange = vi.fn()
    function Controlled() {
      const [open, setOpen] = useState(true)
      return (
        <HasQrModal
          open={open}
          onOpenChange={(next) => {
            onOpenChange(next)
            setOpen(next)
          }}
        />
      )
    }
    const user = renderWith(<Controlled />)
    const { dialog } = await submit(user, 'alice')
    expect(screen.getByRole('status', { name: 'status' }).textContent).toBe('waiting')
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(onOpenChange).toHaveBeenCalledWith(false)
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('status', { name: 'status' }).textContent).toBe('cancelled')
  })

  it('uncontrolled: defaultOpen, prefilled account, lower-cased before sending', async () => {
    const user = renderWith(<HasQrModal defaultOpen account="Bob" />)
    const dialog = await screen.findByRole('dialog', { name: 'Log in with HiveAuth' })
    expect((within(dialog).getByLabelText('Hive account') as HTMLInputElement).value).toBe('Bob')
    await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
    await within(dialog).findByRole('link', { name: 'Open in wallet' })
    expect(kit.devkit.relay.requests().map((r) => r.account)).toEqual(['bob'])
  })

  it('a wallet error shows its message and "Try again"', async () => {
    const user = renderWith(<HasQrModal defaultOpen />, { wallet: { decision: 'error' } })
    const { dialog, link } = await submit(user, 'alice')
    await act(() => kit.wallet.scan(link))
    const alert = await within(dialog).findByRole('alert')
    expect(alert.textContent).toContain('Something went wrong')
    expect(dialog.getAttribute('data-status')).toBe('failed')
    expect(within(dialog).getByRole('button', { name: 'Try again' })).toBeTruthy()
    await expectNoAxeViolations(dialog)
  })

  it('"Use another account" goes back to the account step', async () => {
    const user = renderWith(<HasQrModal defaultOpen />, { wallet: { decision: 'reject' } })
    const { dialog, link } = await submit(user, 'alice')
    await act(() => kit.wallet.scan(link))
    await user.click(await within(dialog).findByRole('button', { name: 'Use another account' }))
    expect(within(dialog).getByLabelText('Hive account')).toBeTruthy()
    expect(dialog.getAttribute('data-status')).toBe('idle')
  })

  it('a wallet that lacks the challenge key: the outcome names the role, in the user’s language, without "Try again"', async () => {
    const user = renderWith(<HasQrModal defaultOpen labels={esLabels} loginOptions={{ challenge: { keyType: 'active', message: 'hola' } }} />, {
      wallet: { profile: 'hiveauth-mobile', accounts: [{ name: 'alice', lacks: ['active'] }] },
    })
    const dialog = await screen.findByRole('dialog')
    await user.type(within(dialog).getByLabelText(esLabels.accountLabel), 'alice')
    await user.click(within(dialog).getByRole('button', { name: esLabels.continue }))
    const link = (await within(dialog).findByRole('link', { name: esLabels.openInWallet })).getAttribute('href')!
    await act(() => kit.wallet.scan(link))
    const outcome = await within(dialog).findByRole('alert')
    expect(outcome.textContent).toContain('puede que no tenga esa clave de @alice')
    expect(outcome.textContent).toContain('clave activa') // the role in Spanish, not English
    expect(within(dialog).queryByRole('button', { name: esLabels.tryAgain })).toBeNull()
    expect(within(dialog).getByRole('button', { name: esLabels.otherAccount })).toBeTruthy()
    await expectNoAxeViolations(dialog)
  })
})
