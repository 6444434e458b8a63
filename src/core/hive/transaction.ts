import { sha256 } from '@noble/hashes/sha2.js'

// Why not a library: hive-tx 7 (well kept, browser-ready) serializes the same bytes but its Transaction brings its
// signing, curve and RPC along (23.6 kB gzip under esbuild); dhive's serializer needs Buffer and bytebuffer (196 kB).
// This one (about 8.6 kB with sha256) is checked byte for byte against both (test/core/hive/transactions.test.ts).
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { isRecord } from '../protocol/parseFrame.js'
import { ByteWriter } from './byteWriter.js'
import { writeOperation } from './serializeOperation.js'

/** Hive mainnet's chain id: what a signature of a mainnet transaction covers, before the transaction. */
export const HIVE_CHAIN_ID = 'beeab0de00000000000000000000000000000000000000000000000000000000'

/** A transaction in Hive's JSON form (condenser_api), signed or not. */
export interface HiveTransaction {
  ref_block_num: number
  ref_block_prefix: number
  /** UTC, no zone: `2026-12-01T10:00:00`. */
  expiration: string
  operations: unknown[]
  extensions?: unknown[]
  signatures?: string[]
}

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

/**
 * How a transaction is serialized: `legacy`, or `hf26` (amounts as HF26's asset numbers: what wax signs). hived checks
 * signatures over either since HF26.
 */
export type SerializationForm = 'legacy' | 'hf26'

/** A transaction's binary form, as hived serializes it (signatures left out). HasInvalidArgumentError for what it cannot hold. */
export function serializeTransaction(tx: unknown, form: SerializationForm = 'legacy'): Uint8Array {
  if (!isRecord(tx)) throw new HasInvalidArgumentError('A transaction is an object.')
  const w = new ByteWriter(form)
  const { ref_block_num, ref_block_prefix, expiration, operations, extensions = [] } = tx
  if (!Number.isInteger(ref_block_num) || (ref_block_num as number) < 0 || (ref_block_num as number) > 0xffff) {
    throw new HasInvalidArgumentError('A transaction needs a ref_block_num of 16 bits.')
  }
  if (!Number.isInteger(ref_block_prefix) || (ref_block_prefix as number) < 0 || (ref_block_prefix as number) > 0xffffffff) {
    throw new HasInvalidArgumentError('A transaction needs a ref_block_prefix of 32 bits.')
  }
  const ms = typeof expiration === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(expiration) ? Date.parse(`${expiration}Z`) : Number.NaN
  if (Number.isNaN(ms)) throw new HasInvalidArgumentError('A transaction needs an expiration such as 2026-12-01T10:00:00.')
  if (!Array.isArray(operations) || operations.length === 0) throw new HasInvalidArgumentError('A transaction needs operations.')
  if (!Array.isArray(extensions) || extensions.length > 0) throw new HasInvalidArgumentError('Transaction extensions are not supported.')
  w.u16(ref_block_num as number)
    .u32(ref_block_prefix as number)
    .u32(Math.floor(ms / 1000))
  w.varint32(operations.length)
  for (const operation of operations) writeOperation(w, operation)
  w.varint32(0)
  return w.done()
}

/** What a transaction's signatures cover: sha256 of the chain id followed by the serialized transaction. */
export function transactionDigest(tx: unknown, chainId: string = HIVE_CHAIN_ID, form: SerializationForm = 'legacy'): Uint8Array {
  if (!/^[0-9a-f]{64}$/.test(chainId)) throw new HasInvalidArgumentError('A chain id is 64 lower-case hex characters.')
  const id = Uint8Array.from(chainId.match(/../g) ?? [], (h) => Number.parseInt(h, 16))
  const body = serializeTransaction(tx, form)
  const input = new Uint8Array(id.length + body.length)
  input.set(id)
  input.set(body, id.length)
  return sha256(input)
}

/** A transaction's id: the first 20 bytes of sha256 of its serialized form, in hex (what sign_ack and get_transaction use). */
export function transactionId(tx: unknown, form: SerializationForm = 'legacy'): string {
  return toHex(sha256(serializeTransaction(tx, form)).subarray(0, 20))
}
