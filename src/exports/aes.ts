// The protocol's AES alone: `hive-auth-react/aes`, for tools that speak HAS themselves (a relay, a wallet, a test). Its
// own entry because it brings crypto-js: the client loads it on first use, so no other entry imports it statically.
export { decryptPayload, decryptText, encryptPayload, encryptText } from '../core/crypto/aes.js'
