// The deep-link helpers alone (a page that renders its own QR code from a link).
export { buildAuthLink, parseAuthLink } from '../../src/exports/core'
