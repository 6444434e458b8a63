// What the QR encoder costs.
import { QRCodeSVG } from 'qrcode.react'

Object.assign(globalThis, { app: [QRCodeSVG] })
