import { describe, expect, it } from 'vitest'
import { assessOperations } from '../../../src/core/hive/operationRisk'
import { formatAmount } from '../../../src/core/hive/formatAmount'

// How much care a transaction needs, read from its operations: every rule with one operation that meets it and one that
// does not, the thresholds tunable.

type Op = [string, Record<string, unknown>]
const transfer = (amount: unknown, to = 'bob'): Op => ['transfer', { from: 'alice', to, amount, memo: '' }]
const kinds = (ops: Op[], options = {}) => {
  const { level, reasons } = assessOperations(ops, options)
  return [level, reasons.map((r) => r.kind)]
}
const HIVE_PER_VESTS = 0.0005 // 1 HP = 2 000 VESTS

describe('assessOperations', () => {
  it.each<[string, Op[], string, string[]]>([
    ['a vote', [['vote', { voter: 'alice', author: 'bob', permlink: 'p', weight: 10000 }]], 'routine', []],
    [
      'a follow (posting custom_json)',
      [['custom_json', { required_auths: [], required_posting_auths: ['alice'], id: 'follow', json: '[]' }]],
      'routine',
      [],
    ],
    ['1 HIVE sent', [transfer('1.000 HIVE')], 'caution', []],
    ['250 000 HIVE sent', [transfer('250000.000 HIVE')], 'danger', ['large_amount']],
    ['1 000 HBD sent, in HF26 form', [transfer({ amount: '1000000', precision: 3, nai: '@@000000013' })], 'danger', ['large_amount']],
    [
      'new owner keys',
      [['account_update', { account: 'alice', owner: { weight_threshold: 1 }, memo_key: 'STM1', json_metadata: '' }]],
      'danger',
      ['keys'],
    ],
    ['new active keys (account_update2)', [['account_update2', { account: 'alice', active: { weight_threshold: 1 } }]], 'danger', ['keys']],
    [
      'an app added to the posting authority',
      [['account_update2', { account: 'alice', posting: { weight_threshold: 1 } }]],
      'caution',
      ['posting_authority'],
    ],
    ['a witness proxy', [['account_witness_proxy', { account: 'alice', proxy: 'mallory' }]], 'danger', ['proxy']],
    ['the witness proxy cleared', [['account_witness_proxy', { account: 'alice', proxy: '' }]], 'caution', []],
    [
      'a new recovery account',
      [['change_recovery_account', { account_to_recover: 'alice', new_recovery_account: 'mallory' }]],
      'danger',
      ['recovery'],
    ],
    [
      'power-down payouts routed to another account',
      [['set_withdraw_vesting_route', { from_account: 'alice', to_account: 'mallory', percent: 10000 }]],
      'danger',
      ['withdraw_route'],
    ],
    [
      'power-down payouts routed to oneself',
      [['set_withdraw_vesting_route', { from_account: 'alice', to_account: 'alice', percent: 10000 }]],
      'caution',
      [],
    ],
    ['a power down of 10 000 HP', [['withdraw_vesting', { account: 'alice', vesting_shares: '20000000.000000 VESTS' }]], 'danger', ['large_power']],
    [
      'a delegation of 100 HP',
      [['delegate_vesting_shares', { delegator: 'alice', delegatee: 'bob', vesting_shares: '200000.000000 VESTS' }]],
      'caution',
      [],
    ],
    [
      '100 HIVE a day for 24 days',
      [['recurrent_transfer', { from: 'alice', to: 'bob', amount: '100.000 HIVE', recurrence: 24, executions: 24 }]],
      'danger',
      ['large_amount'],
    ],
    [
      'an app action with the active key',
      [['custom_json', { required_auths: ['alice'], required_posting_auths: [], id: 'sm_token_transfer', json: '{}' }]],
      'caution',
      ['active_app_action'],
    ],
    [
      'six votes at once',
      Array.from({ length: 6 }, (_, i): Op => ['vote', { voter: 'alice', author: 'bob', permlink: `p${i}`, weight: 100 }]),
      'caution',
      ['many_operations'],
    ],
  ])('%s: %s', (_, ops, level, reasons) => {
    expect(kinds(ops, { hivePerVests: HIVE_PER_VESTS })).toEqual([level, reasons])
  })

  it('takes the dApp’s thresholds', () => {
    expect(kinds([transfer('500.000 HIVE')])).toEqual(['caution', []])
    expect(kinds([transfer('500.000 HIVE')], { largeAmount: 100 })).toEqual(['danger', ['large_amount']])
    expect(
      kinds([['delegate_vesting_shares', { delegator: 'alice', delegatee: 'bob', vesting_shares: '200000.000000 VESTS' }]], {
        hivePerVests: HIVE_PER_VESTS,
        largePower: 50,
      }),
    ).toEqual(['danger', ['large_power']])
    expect(
      kinds(
        Array.from({ length: 3 }, () => transfer('1.000 HIVE')),
        { manyOperations: 2 },
      ),
    ).toEqual(['caution', ['many_operations']])
  })

  it('says which operation each reason comes from, and what it moves', () => {
    const { reasons } = assessOperations([['vote', { voter: 'alice', author: 'b', permlink: 'p', weight: 1 }], transfer('2000.000 HIVE', 'carol')])
    expect(reasons).toEqual([{ kind: 'large_amount', index: 1, amount: '2000.000 HIVE' }])
  })
})

describe('amounts as each language writes them', () => {
  it.each([
    ['en', '250000.000 HIVE', '250,000.000 HIVE'],
    ['de', '250000.000 HIVE', '250.000,000 HIVE'],
    ['de', '1.000 HIVE', '1,000 HIVE'],
    ['fr', '1234.500 HBD', '1\u202f234,500 HBD'],
    ['hi', '250000.000 HIVE', '2,50,000.000 HIVE'],
    ['ar', '250000.000 HIVE', '250,000.000 HIVE'],
    ['en', '-5.000 HIVE', '-5.000 HIVE'],
    ['not-a-locale-!!', '250000.000 HIVE', '250000.000 HIVE'],
  ])('%s writes %s as %s', (locale, amount, written) => {
    expect(formatAmount(amount, undefined, locale)).toBe(written)
  })

  it('stays exact past what a float holds', () => {
    expect(formatAmount('9007199254740993.000 HIVE', undefined, 'en')).toBe('9,007,199,254,740,993.000 HIVE')
  })
})
