// What signature checks cost (loaded on first use): the curve and hashes the kit imports.
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { ripemd160 } from '@noble/hashes/legacy.js'
import { sha256 } from '@noble/hashes/sha2.js'
import { base58 } from '@scure/base'

Object.assign(globalThis, { app: [secp256k1, sha256, ripemd160, base58] })
