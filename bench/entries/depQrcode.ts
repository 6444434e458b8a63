// What the QR encoder costs.
export { QRCodeSVG } from 'qrcode.react'
