// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
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
