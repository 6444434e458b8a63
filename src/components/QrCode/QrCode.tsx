'use client'
import { QRCodeSVG } from 'qrcode.react'

/** The deep link as a QR code, dark on white with a quiet zone in every theme (scanners need the contrast). */
export function QrCode({ value, label }: { value: string; label: string }) {
  return (
    <div className="has-qr">
      <QRCodeSVG value={value} size={224} marginSize={4} level="M" bgColor="#ffffff" fgColor="#000000" aria-label={label} />
    </div>
  )
}
