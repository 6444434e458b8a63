'use client'
import { QRCodeSVG } from 'qrcode.react'
import { Component, type ReactNode } from 'react'

/** The deep link as a QR code, dark on white with a quiet zone in every theme (scanners need the contrast). */
export function QrCode({ value, label }: { value: string; label: string }) {
  return (
    <div className="has-qr">
      <QrBoundary key={value} fallback={<p className="has-qr__fallback">{value}</p>}>
        <QRCodeSVG value={value} size={224} marginSize={4} level="L" bgColor="#ffffff" fgColor="#000000" aria-label={label} />
      </QrBoundary>
    </div>
  )
}

/** A value the encoder cannot fit in a QR code shows as text: it must never take the page down. */
class QrBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false }
  static getDerivedStateFromError() {
    return { failed: true }
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children
  }
}
