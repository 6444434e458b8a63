// What crypto-js costs: the modules the kit imports (AES with the OpenSSL key derivation it needs, no padding).
export { default as AES } from 'crypto-js/aes.js'
export { default as NoPadding } from 'crypto-js/pad-nopadding.js'
