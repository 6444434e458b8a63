// What crypto-js costs: the modules the kit imports (AES with the OpenSSL key derivation it needs, no padding).
import AES from 'crypto-js/aes.js'
import NoPadding from 'crypto-js/pad-nopadding.js'

Object.assign(globalThis, { app: [AES, NoPadding] })
