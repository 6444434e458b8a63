'use client'
import { QRCodeSVG } from 'qrcode.react'
import { Component, type CSSProperties, type ReactNode } from 'react'

/** Share of the code's width a centre logo may cover: level M restores up to 15 % of the modules. */
const LOGO_SHARE = 0.2

/**
 * The deep link as a QR code, dark on white with a quiet zone in every theme (scanners need the contrast). Level L
 * keeps it sparse and fast to draw; with a `logo` in its centre it switches to level M, whose error correction covers
 * the modules the logo hides.
 */
export function QrCode({ value, label, size = 288, logo }: { value: string; label: string; size?: number; logo?: string }) {
  const side = Math.round(size * LOGO_SHARE)
  return (
    <div className="has-qr" style={{ '--has-qr-size': `${size}px` } as CSSProperties}>
      <QrBoundary key={value} fallback={<p className="has-qr__fallback">{value}</p>}>
        <QRCodeSVG
          value={value}
          size={size}
          marginSize={4}
          level={logo ? 'M' : 'L'}
          bgColor="#ffffff"
          fgColor="#000000"
          aria-label={label}
          imageSettings={logo ? { src: logo, height: side, width: side, excavate: true } : undefined}
        />
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
