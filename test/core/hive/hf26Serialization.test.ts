import { createWaxFoundation, type IWaxBaseInterface } from '@hiveio/wax'
import { beforeAll, describe, expect, it } from 'vitest'
import { naiAmount, toHf26Operation, toLegacyOperation } from '../../../src/core/hive/hf26Operations'
import { HIVE_CHAIN_ID, transactionDigest, transactionId } from '../../../src/core/hive/transaction'
import { HIVE_TRANSACTIONS } from '../../fixtures/hiveTransactionInputs'

// The kit's serializer against @hiveio/wax 2.0.2 (the Hive core team's SDK, built from hived's own C++): every
// transaction of the fixtures, in HF26's JSON form, has wax's digests and ids under both serializations.

const toHex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
let wax: IWaxBaseInterface
beforeAll(async () => {
  wax = await createWaxFoundation()
})

const SYMBOLS: Record<string, string> = { '@@000000021': 'HIVE', '@@000000013': 'HBD', '@@000000037': 'VESTS' }
/** An operation of the fixtures with its NAI amounts written as legacy strings (what the legacy form reads back as). */
function withLegacyAmounts(operation: unknown[]): unknown[] {
  const text = JSON.stringify(operation).replace(
    /\{"amount":"(\d+)","precision":(\d),"nai":"(@@\d{9})"\}/g,
    (_, amount: string, p: string, nai: string) => {
      const digits = amount.padStart(Number(p) + 1, '0')
      return JSON.stringify(`${digits.slice(0, -Number(p))}.${digits.slice(-Number(p))} ${SYMBOLS[nai]}`)
    },
  )
  return JSON.parse(text) as unknown[]
}

describe('HF26 serialization, byte for byte with wax', () => {
  it.each(HIVE_TRANSACTIONS)('%s: digests and ids of both serializations; the HF26 JSON reads back as the legacy one', (_, tx) => {
    const hf26 = { ...tx, operations: (tx.operations as unknown[]).map(toHf26Operation), signatures: [] }
    const built = wax.createTransactionFromJson(JSON.stringify(hf26))
    expect(toHex(transactionDigest(hf26, HIVE_CHAIN_ID, 'hf26'))).toBe(built.sigDigest)
    expect(toHex(transactionDigest(hf26, HIVE_CHAIN_ID, 'legacy'))).toBe(built.legacy_sigDigest)
    expect(transactionId(hf26, 'hf26')).toBe(built.id)
    expect(transactionId(tx, 'legacy')).toBe(built.legacy_id)
    expect((hf26.operations as unknown[]).map(toLegacyOperation)).toEqual((tx.operations as unknown[][]).map(withLegacyAmounts))
  })

  it('a memo that reads like an amount stays text in the HF26 form', () => {
    expect(toHf26Operation(['transfer', { from: 'a', to: 'b', amount: '1.000 HIVE', memo: '2.000 HBD' }])).toEqual({
      type: 'transfer_operation',
      value: { from: 'a', to: 'b', amount: { amount: '1000', precision: 3, nai: '@@000000021' }, memo: '2.000 HBD' },
    })
  })

  it('an amount with more decimals than its asset holds stays text (never a NAI of ten times its value)', () => {
    expect(naiAmount('1.0000 HIVE')).toBeUndefined()
    expect(naiAmount('-0.001 HBD')).toEqual({ amount: '-1', precision: 3, nai: '@@000000013' })
    expect(naiAmount('2 VESTS')).toEqual({ amount: '2000000', precision: 6, nai: '@@000000037' })
    expect(toHf26Operation(['transfer', { from: 'a', to: 'b', amount: '1.0000 HIVE' }])).toEqual({
      type: 'transfer_operation',
      value: { from: 'a', to: 'b', amount: '1.0000 HIVE' },
    })
  })

  it('a NAI object reads back as its legacy amount only when it is exactly one (three keys, its precision)', () => {
    const legacy = (amount: unknown) =>
      (toLegacyOperation({ type: 'transfer_operation', value: { amount } }) as [string, { amount: unknown }])[1].amount
    expect(legacy({ amount: '-1', precision: 3, nai: '@@000000013' })).toBe('-0.001 HBD')
    expect(legacy({ amount: '1', precision: 6, nai: '@@000000021' })).toEqual({ amount: '1', precision: 6, nai: '@@000000021' })
    expect(legacy({ amount: '1', precision: 3, nai: '@@000000021', extra: 1 })).toEqual({ amount: '1', precision: 3, nai: '@@000000021', extra: 1 })
  })
})
