// @vitest-environment jsdom
import { cleanup, render } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ErrorDetails } from '../../src/components/ErrorDetails/ErrorDetails'
import { esLabels } from '../../src/components/i18n/es'
import { HasFailedError } from '../../src/core/errors/HasFailedError'
import { HasVerificationError } from '../../src/core/errors/HasVerificationError'

afterEach(cleanup)

describe('ErrorDetails', () => {
  it('shows what a wallet wrote as its quote, under a label in the user’s language', () => {
    const { container } = render(
      <ErrorDetails error={new HasFailedError('wallet', undefined, { details: 'key missing', detailsSource: 'wallet' })} labels={esLabels} />,
    )
    expect(container.querySelector('figcaption')?.textContent).toBe(esLabels.walletSaid)
    expect(container.querySelector('blockquote')?.textContent).toBe('key missing')
  })

  it('keeps the kit’s own English details off the screen (they stay on the error for developers)', () => {
    const error = new HasVerificationError('bad', { details: 'the key is not in the posting authority of @alice' })
    const { container } = render(<ErrorDetails error={error} labels={esLabels} />)
    expect(container.textContent).toBe('')
    expect(error.details).toContain('posting authority')
  })
})
