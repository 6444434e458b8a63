import { describe, expect, it } from 'vitest'
import { describeOperation } from '../../src/components/HasSignPrompt/describeOperation'
import { enLabels } from '../../src/components/i18n/en'
import { esLabels } from '../../src/components/i18n/es'

const say = (name: string, op: Record<string, unknown>) => describeOperation([name, op], enLabels)

describe('describeOperation', () => {
  it('puts the common operations in plain words', () => {
    expect(say('vote', { voter: 'alice', author: 'bob', permlink: 'hello', weight: 5000 })).toBe('Vote 50% on @bob/hello')
    expect(say('vote', { voter: 'alice', author: 'bob', permlink: 'hello', weight: -10000 })).toBe('Downvote 100% on @bob/hello')
    expect(say('comment', { parent_author: '', author: 'alice', permlink: 'p', title: 'My post' })).toBe('Publish "My post" as @alice')
    expect(say('comment', { parent_author: 'bob', author: 'alice', permlink: 'p', title: '' })).toBe('Reply to @bob as @alice')
    expect(say('transfer', { from: 'alice', to: 'bob', amount: '1.000 HIVE', memo: '' })).toBe('Send 1.000 HIVE to @bob')
    expect(say('transfer', { from: 'alice', to: 'bob', amount: '1.000 HBD', memo: 'rent' })).toBe('Send 1.000 HBD to @bob with the memo "rent"')
    expect(say('transfer', { from: 'alice', to: 'bob', amount: '1.000 HBD', memo: '#encrypted' })).toBe('Send 1.000 HBD to @bob')
    expect(say('transfer_to_vesting', { from: 'alice', to: '', amount: '10.000 HIVE' })).toBe('Power up 10.000 HIVE to @alice')
    expect(say('delegate_vesting_shares', { delegator: 'alice', delegatee: 'bob', vesting_shares: '100.000000 VESTS' })).toBe(
      'Delegate 100.000000 VESTS to @bob',
    )
    expect(say('delegate_vesting_shares', { delegator: 'alice', delegatee: 'bob', vesting_shares: '0.000000 VESTS' })).toBe(
      'Remove the delegation to @bob',
    )
    expect(say('custom_json', { id: 'follow', json: '[]', required_posting_auths: ['alice'] })).toBe('App action "follow"')
    expect(say('account_witness_vote', { account: 'alice', witness: 'bob', approve: true })).toBe('Vote for witness @bob')
    expect(say('account_witness_vote', { account: 'alice', witness: 'bob', approve: false })).toBe('Remove your vote for witness @bob')
    expect(say('claim_reward_balance', {})).toBe('Operation claim_reward_balance')
  })

  it('shortens long values and speaks the labels’ language', () => {
    expect(say('custom_json', { id: 'x'.repeat(100) })).toHaveLength('App action ""'.length + 60)
    expect(describeOperation(['transfer', { to: 'bob', amount: '1.000 HIVE' }], esLabels)).toBe('Enviar 1.000 HIVE a @bob')
  })
})
