// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it } from 'vitest'
import { HasQrModal } from '../../src/components/HasQrModal/HasQrModal'
import { HasProvider } from '../../src/react/HasProvider'
import { createReactDevkit } from '../support/reactDevkit'
import { enUiLabels } from '../../src/components/i18n/enUi'
import { errorText } from '../../src/components/i18n/errorText'
import { WaitingStep } from '../../src/components/HasQrModal/WaitingStep'
import { HasExpiredError } from '../../src/core/errors/HasExpiredError'

// While the relay is away the QR code cannot be scanned, and the modal says so; a relay that lost the request is
// said to have lost it, not to have timed out.

afterEach(cleanup)

const pending = { kind: 'auth' as const, uuid: 'u', account: 'alice', expire: Date.now() + 60_000, deepLink: 'has://auth_req/x', host: 'wss://r' }

describe('the relay away', () => {
  it('dims the code and says it cannot be scanned until the connection is back', () => {
    const { container } = render(<WaitingStep pending={pending} labels={enUiLabels} reconnecting onBack={() => {}} onCancel={() => {}} />)
    expect(container.querySelector('[data-reconnecting]')).not.toBeNull()
    expect(screen.getByRole('status').textContent).toBe('Connection lost, reconnecting… The code cannot be scanned until the connection is back.')
  })

  it('a lost request reads as lost', () => {
    expect(errorText(new HasExpiredError('x', { hint: 'relay_lost' }), enUiLabels)).toBe(
      'The HiveAuth server restarted and lost the request. Try again.',
    )
  })
})

describe('a relay outage while the modal waits (in-page devkit relay, offline then back)', () => {
  it('dims the code and says so while the relay is away; once it is back the code is live again and the request still waits', async () => {
    const kit = createReactDevkit({ wallet: { decision: 'manual' } })
    try {
      const user = userEvent.setup()
      render(
        <HasProvider app={{ name: 'Outage' }} devkit={kit.devkit} storage={kit.storage}>
          <HasQrModal defaultOpen />
        </HasProvider>,
      )
      const dialog = await screen.findByRole('dialog')
      await user.type(within(dialog).getByLabelText('Hive account'), 'alice')
      await user.click(within(dialog).getByRole('button', { name: 'Continue' }))
      await within(dialog).findByRole('link', { name: 'Open in wallet' })
      expect(dialog.querySelector('[data-reconnecting]')).toBeNull()

      act(() => kit.devkit.setOffline(true))
      await waitFor(() => expect(dialog.querySelector('[data-reconnecting]')).not.toBeNull())
      expect(within(dialog).getByText(/The code cannot be scanned until the connection is back\./)).toBeTruthy()

      act(() => kit.devkit.setOffline(false))
      await waitFor(() => expect(dialog.querySelector('[data-reconnecting]')).toBeNull(), { timeout: 5000 })
      expect(within(dialog).queryByText(/cannot be scanned/)).toBeNull()
      expect(within(dialog).getByRole('link', { name: 'Open in wallet' })).toBeTruthy() // still waiting, not "timed out"
    } finally {
      kit.close()
    }
  })
})
