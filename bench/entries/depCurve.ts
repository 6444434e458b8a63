// What signature checks cost (loaded on first use): the curve and hashes the kit imports.
export { secp256k1 } from '@noble/curves/secp256k1.js'
export { sha256 } from '@noble/hashes/sha2.js'
export { ripemd160 } from '@noble/hashes/legacy.js'
export { base58 } from '@scure/base'
