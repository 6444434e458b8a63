// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { QrCode } from '../../src/components/QrCode/QrCode'

afterEach(cleanup)

describe('QrCode', () => {
  it('draws a link that fits', () => {
    render(<QrCode value="has://auth_req/eyJhIjoxfQ==" label="QR code" />)
    expect(screen.getByLabelText('QR code').tagName.toLowerCase()).toBe('svg')
  })

  it('shows a value too long for any QR code as text instead of throwing into React', () => {
    const link = `has://auth_req/${'A'.repeat(8000)}`
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {})
    render(
      <main>
        <p>the rest of the app</p>
        <QrCode value={link} label="QR code" />
      </main>,
    )
    quiet.mockRestore()
    expect(screen.getByText('the rest of the app')).toBeTruthy()
    expect(screen.getByText(link)).toBeTruthy()
    expect(screen.queryByLabelText('QR code')).toBeNull()
  })
})
