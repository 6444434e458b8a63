// The deep-link helpers alone: `hive-auth-react/links` (about 1 kB), for a page that renders its own QR code or reads
// a link. The same functions are in `hive-auth-react/core`.
export { buildAuthLink, buildRequestLink, parseAuthLink, type AuthLinkPayload } from '../core/protocol/links.js'
