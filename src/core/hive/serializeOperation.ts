import { decodePublicKey } from '../crypto/publicKeys.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { isRecord } from '../protocol/parseFrame.js'
import { ASSET_NUMBERS, readAsset } from './assets.js'
import { toLegacyOperation } from './hf26Operations.js'
import type { ByteWriter } from './byteWriter.js'
import { type FieldType, OPERATION_FIELDS } from './operationFields.js'

/** The public key Hive writes as 33 zero bytes (no key). */
const NULL_KEY = 'STM1111111111111111111111111111111114T1Anm'
const bad = (what: string, value: unknown) =>
  new HasInvalidArgumentError(`Cannot serialize ${what}.`, { details: JSON.stringify(value)?.slice(0, 80) })

/** Writes one operation (`[name, payload]`, or HF26's `{ type, value }`): its variant id, then its fields in Hive's order. */
export function writeOperation(w: ByteWriter, given: unknown): void {
  const operation = toLegacyOperation(given)
  if (!Array.isArray(operation) || typeof operation[0] !== 'string' || !isRecord(operation[1])) throw bad('an operation', operation)
  const [name, payload] = operation as [string, Record<string, unknown>]
  const spec = OPERATION_FIELDS[name]
  if (!spec) throw new HasInvalidArgumentError(`No serializer for the operation ${name}.`)
  w.varint32(spec[0])
  for (const field of spec[1].split(' ')) {
    const [key, type] = field.split(':') as [string, FieldType]
    try {
      writeField(w, type, payload[key])
    } catch (error) {
      throw error instanceof HasInvalidArgumentError
        ? new HasInvalidArgumentError(`${name}.${key}: ${error.shortMessage}`, { details: error.details })
        : error
    }
  }
}

function writeField(w: ByteWriter, type: FieldType, value: unknown): void {
  switch (type) {
    case 's':
      if (typeof value !== 'string') throw bad('a string', value)
      w.string(value)
      break
    case 'b':
      w.u8(value ? 1 : 0)
      break
    case 'u16':
      w.u16(integer(value, 0, 0xffff))
      break
    case 'i16':
      w.i16(integer(value, -0x8000, 0x7fff))
      break
    case 'u32':
      w.u32(integer(value, 0, 0xffffffff))
      break
    case 'u64':
    case 'i64':
      w.i64(big(value))
      break
    case 'a': {
      const asset = readAsset(value)
      w.i64(asset.amount)
      if (w.assets === 'hf26') {
        w.u32(ASSET_NUMBERS[asset.symbol]!)
        break
      }
      w.u8(asset.precision)
      for (let i = 0; i < 7; i++) w.u8(asset.symbol.charCodeAt(i) || 0)
      break
    }
    case 't':
      w.u32(seconds(value))
      break
    case 'k':
      writeKey(w, value)
      break
    case 'k?':
      value ? writeKey(w.u8(1), value) : w.u8(0)
      break
    case 'A':
      writeAuthority(w, value)
      break
    case 'A?':
      value ? writeAuthority(w.u8(1), value) : w.u8(0)
      break
    case 'S[]':
      writeList(w, value, (item) => writeField(w, 's', item))
      break
    case 'I64[]':
      writeList(w, value, (item) => w.i64(big(item)))
      break
    case 'x[]':
      if (value !== undefined && (!Array.isArray(value) || value.length > 0)) throw bad('extensions (none are defined)', value)
      w.varint32(0)
      break
    case 'hex':
      writeHex(w, value)
      break
    case 'P':
      if (!isRecord(value)) throw bad('a price', value)
      writeField(w, 'a', value.base)
      writeField(w, 'a', value.quote)
      break
    case 'CP':
      if (!isRecord(value)) throw bad('chain properties', value)
      writeField(w, 'a', value.account_creation_fee)
      writeField(w, 'u32', value.maximum_block_size)
      writeField(w, 'u16', value.hbd_interest_rate)
      break
    case 'BEN':
      writeVariants(w, value, [(payload) => writeList(w, isRecord(payload) ? payload.beneficiaries : undefined, (b) => writeBeneficiary(w, b))])
      break
    case 'UPX':
      writeVariants(w, value, [() => undefined, (payload) => writeField(w, 't', isRecord(payload) ? payload.end_date : undefined)])
      break
    case 'PROPS':
      writeList(w, value, (pair) => {
        if (!Array.isArray(pair) || pair.length !== 2) throw bad('a witness property', pair)
        writeField(w, 's', pair[0])
        writeHex(w, pair[1])
      })
  }
}

function integer(value: unknown, min: number, max: number): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) throw bad('an integer in range', value)
  return n
}

function big(value: unknown): bigint {
  if (typeof value === 'bigint') return value
  if ((typeof value === 'number' && Number.isSafeInteger(value)) || (typeof value === 'string' && /^-?\d+$/.test(value))) return BigInt(value)
  throw bad('a 64-bit integer', value)
}

/** Hive times are UTC without a zone (`2026-12-01T10:00:00`), written as seconds since 1970. */
function seconds(value: unknown): number {
  const ms = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(value) ? Date.parse(`${value}Z`) : Number.NaN
  if (Number.isNaN(ms)) throw bad('a time', value)
  return Math.floor(ms / 1000)
}

function writeKey(w: ByteWriter, value: unknown): void {
  const point =
    value === null || value === NULL_KEY ? new Uint8Array(33) : typeof value === 'string' ? decodePublicKey(value, value.slice(0, 3)) : undefined
  if (!point) throw bad('a public key', value)
  w.bytes(point)
}

function writeAuthority(w: ByteWriter, value: unknown): void {
  if (!isRecord(value)) throw bad('an authority', value)
  writeField(w, 'u32', value.weight_threshold)
  writeList(w, value.account_auths, (pair) => writePair(w, pair, 's'))
  writeList(w, value.key_auths, (pair) => writePair(w, pair, 'k'))
}

function writePair(w: ByteWriter, pair: unknown, keyType: 's' | 'k'): void {
  if (!Array.isArray(pair) || pair.length !== 2) throw bad('an authority member', pair)
  writeField(w, keyType, pair[0])
  writeField(w, 'u16', pair[1])
}

function writeBeneficiary(w: ByteWriter, value: unknown): void {
  if (!isRecord(value)) throw bad('a beneficiary', value)
  writeField(w, 's', value.account)
  writeField(w, 'u16', value.weight)
}

function writeList(w: ByteWriter, value: unknown, item: (value: unknown) => void): void {
  if (!Array.isArray(value)) throw bad('a list', value)
  w.varint32(value.length)
  for (const v of value) item(v)
}

/** A list of static variants `[id, payload]`, each written with the writer of its id. */
function writeVariants(w: ByteWriter, value: unknown, writers: ((payload: unknown) => void)[]): void {
  writeList(w, value ?? [], (variant) => {
    const writer = Array.isArray(variant) && typeof variant[0] === 'number' ? writers[variant[0]] : undefined
    if (!writer) throw bad('an extension', variant)
    w.varint32((variant as [number])[0])
    writer((variant as [number, unknown])[1])
  })
}

function writeHex(w: ByteWriter, value: unknown): void {
  if (typeof value !== 'string' || value.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(value)) throw bad('hex data', value)
  w.varint32(value.length / 2).bytes(Uint8Array.from(value.match(/../g) ?? [], (h) => Number.parseInt(h, 16)))
}
