import { describe, expect, it } from 'vitest'
import { deLabels } from '../../src/components/i18n/de'
import { enLabels, type HasLabels } from '../../src/components/i18n/en'
import { esLabels } from '../../src/components/i18n/es'
import { frLabels } from '../../src/components/i18n/fr'
import { describeOperation } from '../../src/components/operations/describeOperation'
import { hivePerVestsOf } from '../../src/core/hive/formatAmount'
import { operationKeyType } from '../../src/core/hive/operationAuthority'
import * as kit from '../../src/exports/index'
import { HIVE_TRANSACTIONS } from '../fixtures/hiveTransactionInputs'

type Op = [string, Record<string, unknown>]
const say = (op: Op, labels: HasLabels = enLabels, hivePerVests?: number) => describeOperation(op, labels, { hivePerVests })
const vote = (weight: number): Op => ['vote', { voter: 'alice', author: 'bob', permlink: 'hello', weight }]
const customJson = (id: string, json: unknown, active = false): Op => [
  'custom_json',
  { id, json: JSON.stringify(json), required_auths: active ? ['alice'] : [], required_posting_auths: active ? [] : ['alice'] },
]
const follow = (what: string[]) => customJson('follow', ['follow', { follower: 'alice', following: 'bob', what }])
const engine = (action: string, payload: Record<string, unknown>) =>
  customJson('ssc-mainnet-hive', { contractName: 'tokens', contractAction: action, contractPayload: payload }, true)
const hf26 = (amount: string, nai: string, precision = 3) => ({ amount, precision, nai })
/** mainnet-like global properties: 1 000 000 VESTS ≈ 600 HP. */
const HIVE_PER_VESTS = hivePerVestsOf({ total_vesting_fund_hive: '180000000.000 HIVE', total_vesting_shares: '300000000000.000000 VESTS' })!

describe('describeOperation: what the user signs, in words that are right', () => {
  it.each<[string, Op, string]>([
    ['a vote', vote(5000), 'Vote 50% on @bob/hello'],
    ['a vote of weight 0 removes the vote', vote(0), 'Remove your vote on @bob/hello'],
    ['a negative weight is a downvote', vote(-2550), 'Downvote 25.5% on @bob/hello'],
    ['an HF26 amount', ['transfer', { from: 'alice', to: 'bob', amount: hf26('1234', '@@000000021'), memo: '' }], 'Send 1.234 HIVE to @bob'],
    ['a legacy amount', ['transfer', { from: 'alice', to: 'bob', amount: '0.001 HBD', memo: 'rent' }], 'Send 0.001 HBD to @bob with the memo "rent"'],
    [
      'an encrypted memo',
      ['transfer', { from: 'alice', to: 'bob', amount: '1.000 HBD', memo: '#2hXf' }],
      'Send 1.000 HBD to @bob with an encrypted memo',
    ],
    ['a follow', follow(['blog']), 'Follow @bob'],
    ['an unfollow', follow([]), 'Unfollow @bob'],
    ['a mute', follow(['ignore']), 'Mute @bob'],
    ['a reblog', customJson('follow', ['reblog', { account: 'alice', author: 'bob', permlink: 'hello' }]), 'Reblog @bob/hello'],
    ['a community join', customJson('community', ['subscribe', { community: 'hive-174578' }]), 'Join the community hive-174578'],
    ['a Hive-Engine transfer', engine('transfer', { symbol: 'BEE', to: 'bob', quantity: '10', memo: '' }), 'Send 10 BEE to @bob on Hive-Engine'],
    ['a Hive-Engine stake', engine('stake', { symbol: 'LEO', to: 'alice', quantity: '5' }), 'Stake 5 LEO on Hive-Engine'],
    ['an unknown app action', customJson('my-game', { move: 'e4' }), 'App action "my-game"'],
    [
      'claiming rewards (zero amounts left out)',
      ['claim_reward_balance', { account: 'alice', reward_hive: '0.000 HIVE', reward_hbd: '1.500 HBD', reward_vests: '2.345678 VESTS' }],
      'Claim your rewards: 1.500 HBD, 2.345678 VESTS',
    ],
    [
      'a power down',
      ['withdraw_vesting', { account: 'alice', vesting_shares: '1000.000000 VESTS' }],
      'Power down 1,000.000000 VESTS, paid out weekly over 13 weeks',
    ],
    ['stopping a power down', ['withdraw_vesting', { account: 'alice', vesting_shares: '0.000000 VESTS' }], 'Stop your power down'],
    ['a power up to oneself', ['transfer_to_vesting', { from: 'alice', to: 'alice', amount: '10.000 HIVE' }], 'Power up 10.000 HIVE'],
    ['to savings', ['transfer_to_savings', { from: 'alice', to: 'alice', amount: '10.000 HBD', memo: '' }], 'Move 10.000 HBD to your savings'],
    [
      'from savings',
      ['transfer_from_savings', { from: 'alice', request_id: 4, to: 'alice', amount: '3.000 HBD', memo: '' }],
      'Withdraw 3.000 HBD from your savings (it arrives in 3 days)',
    ],
    [
      'a recurrent transfer',
      ['recurrent_transfer', { from: 'alice', to: 'bob', amount: '1.000 HIVE', memo: '', recurrence: 24, executions: 7, extensions: [] }],
      'Send 1.000 HIVE to @bob every 24 hours, 7 times',
    ],
    ['deleting a post', ['delete_comment', { author: 'alice', permlink: 'old-post' }], 'Delete @alice/old-post'],
    [
      'comment options with beneficiaries',
      [
        'comment_options',
        { author: 'alice', permlink: 'p', percent_hbd: 10000, extensions: [[0, { beneficiaries: [{ account: 'bob', weight: 500 }] }]] },
      ],
      'Share the rewards of @alice/p: @bob 5%',
    ],
    ['proposal votes', ['update_proposal_votes', { voter: 'alice', proposal_ids: [0, 253], approve: true }], 'Support the proposals #0, #253'],
    [
      'withdrawn proposal votes',
      ['update_proposal_votes', { voter: 'alice', proposal_ids: [7], approve: false }],
      'Withdraw your support from the proposals #7',
    ],
    ['a profile update', ['account_update2', { account: 'alice', json_metadata: '', posting_json_metadata: '{}' }], 'Update the profile of @alice'],
    ['a key change', ['account_update2', { account: 'alice', posting: { weight_threshold: 1 }, json_metadata: '' }], 'Change the keys of @alice'],
    ['a witness proxy', ['account_witness_proxy', { account: 'alice', proxy: 'bob' }], 'Let @bob vote for witnesses for you'],
    ['clearing a witness proxy', ['account_witness_proxy', { account: 'alice', proxy: '' }], 'Vote for witnesses yourself again (remove your proxy)'],
    ['an HBD conversion', ['convert', { owner: 'alice', requestid: 1, amount: '5.000 HBD' }], 'Convert 5.000 HBD to HIVE (it takes 3.5 days)'],
    [
      'a collateralized conversion (HBD paid at once)',
      ['collateralized_convert', { owner: 'alice', requestid: 2, amount: '10.000 HIVE' }],
      'Convert 10.000 HIVE to HBD now (the HIVE left over comes back in 3.5 days)',
    ],
    [
      'a reblog taken back',
      [
        'custom_json',
        {
          required_auths: [],
          required_posting_auths: ['alice'],
          id: 'follow',
          json: JSON.stringify(['reblog', { account: 'alice', author: 'bob', permlink: 'p', delete: 'delete' }]),
        },
      ],
      'Remove your reblog of @bob/p',
    ],
    [
      'a Hive-Engine stake to another account',
      [
        'custom_json',
        {
          required_auths: ['alice'],
          required_posting_auths: [],
          id: 'ssc-mainnet-hive',
          json: JSON.stringify({ contractName: 'tokens', contractAction: 'stake', contractPayload: { to: 'bob', symbol: 'BEE', quantity: '10' } }),
        },
      ],
      'Stake 10 BEE to @bob on Hive-Engine',
    ],
    [
      'a Hive-Engine stake to oneself',
      [
        'custom_json',
        {
          required_auths: ['alice'],
          required_posting_auths: [],
          id: 'ssc-mainnet-hive',
          json: JSON.stringify({ contractName: 'tokens', contractAction: 'stake', contractPayload: { to: 'alice', symbol: 'BEE', quantity: '10' } }),
        },
      ],
      'Stake 10 BEE on Hive-Engine',
    ],
    [
      'a Splinterlands token transfer',
      [
        'custom_json',
        {
          required_auths: ['alice'],
          required_posting_auths: [],
          id: 'sm_token_transfer',
          json: JSON.stringify({ to: 'bob', qty: 5000, token: 'DEC' }),
        },
      ],
      'Send 5000 DEC to @bob on Splinterlands',
    ],
    ['a Splinterlands stake', customJson('sm_stake_tokens', { token: 'SPS', qty: 100 }, true), 'Stake 100 SPS on Splinterlands'],
    ['another Splinterlands action, by name', customJson('sm_find_match', { match_type: 'Ranked' }), 'Splinterlands action "find_match"'],
    [
      'Ecency points',
      customJson('ecency_point_transfer', { sender: 'alice', receiver: 'bob', amount: '10.000 POINT', memo: '' }, true),
      'Send 10.000 POINT to @bob on Ecency',
    ],
    [
      'notifications read (PeakD, Ecency, hive.blog)',
      customJson('notify', ['setLastRead', { date: '2026-12-06T10:00:00' }]),
      'Mark your notifications as read',
    ],
    [
      'a community moderator mutes a post',
      customJson('community', ['mutePost', { community: 'hive-174578', account: 'bob', permlink: 'p', notes: 'spam' }]),
      'Mute @bob/p in hive-174578',
    ],
    [
      'a post unmuted',
      customJson('community', ['unmutePost', { community: 'hive-174578', account: 'bob', permlink: 'p' }]),
      'Unmute @bob/p in hive-174578',
    ],
    ['a post pinned', customJson('community', ['pinPost', { community: 'hive-174578', account: 'bob', permlink: 'p' }]), 'Pin @bob/p in hive-174578'],
    [
      'a post unpinned',
      customJson('community', ['unpinPost', { community: 'hive-174578', account: 'bob', permlink: 'p' }]),
      'Unpin @bob/p in hive-174578',
    ],
    [
      'a role given',
      customJson('community', ['setRole', { community: 'hive-174578', account: 'bob', role: 'mod' }]),
      'Give @bob the role "mod" in hive-174578',
    ],
    [
      'another community action, by name',
      customJson('community', ['flagPost', { community: 'hive-174578', account: 'bob', permlink: 'p' }]),
      'Community action "flagPost" in hive-174578',
    ],
    [
      'a proposal created',
      [
        'create_proposal',
        {
          creator: 'alice',
          receiver: 'bob',
          start_date: '2027-01-01T00:00:00',
          end_date: '2027-06-01T00:00:00',
          daily_pay: '100.000 HBD',
          subject: 'Dev work',
          permlink: 'dev',
        },
      ],
      'Create the proposal "Dev work", paying @bob 100.000 HBD a day',
    ],
    ['proposals removed', ['remove_proposal', { proposal_owner: 'alice', proposal_ids: [3, 4], extensions: [] }], 'Remove your proposals #3, #4'],
    [
      'a limit order',
      ['limit_order_create', { owner: 'alice', orderid: 9, amount_to_sell: '10.000 HIVE', min_to_receive: '2.500 HBD', fill_or_kill: false }],
      'Offer 10.000 HIVE for at least 2.500 HBD on the market',
    ],
    ['cancelling a limit order', ['limit_order_cancel', { owner: 'alice', orderid: 9 }], 'Cancel the market order #9'],
    ['claiming an account token', ['claim_account', { creator: 'alice', fee: '0.000 HIVE', extensions: [] }], 'Claim an account creation token'],
    [
      'an operation the kit does not know',
      ['escrow_dispute', { from: 'a' }],
      'An operation this app cannot describe: escrow_dispute (see the raw operations)',
    ],
  ])('%s', (_, op, expected) => {
    expect(say(op)).toBe(expected)
  })

  it('reads delegations and power downs in HP when the chain data is at hand, VESTS otherwise', () => {
    const delegation: Op = [
      'delegate_vesting_shares',
      { delegator: 'alice', delegatee: 'bob', vesting_shares: hf26('1000000000000', '@@000000037', 6) },
    ]
    expect(say(delegation)).toBe('Delegate 1,000,000.000000 VESTS to @bob')
    expect(say(delegation, enLabels, HIVE_PER_VESTS)).toBe('Delegate 600.000 HP to @bob')
    expect(say(['withdraw_vesting', { account: 'alice', vesting_shares: '2000000.000000 VESTS' }], enLabels, HIVE_PER_VESTS)).toBe(
      'Power down 1,200.000 HP, paid out weekly over 13 weeks',
    )
    expect(say(['delegate_vesting_shares', { delegator: 'alice', delegatee: 'bob', vesting_shares: '0.000000 VESTS' }])).toBe(
      'Remove the delegation to @bob',
    )
  })

  it('speaks German and French as people write them', () => {
    expect(say(vote(0), deLabels)).toBe('Deine Stimme für @bob/hello zurückziehen')
    expect(say(['transfer_to_vesting', { from: 'alice', to: 'bob', amount: '5.000 HIVE' }], deLabels)).toBe(
      '5,000 HIVE für @bob in Hive Power umwandeln (Power-up)',
    )
    expect(say(follow(['blog']), frLabels)).toBe('Suivre @bob')
    expect(say(['claim_reward_balance', { reward_hive: '1.000 HIVE' }], frLabels)).toBe('Réclamer vos récompenses\u00a0: 1,000 HIVE')
    expect(say(engine('transfer', { symbol: 'BEE', to: 'bob', quantity: '1' }), esLabels)).toBe('Enviar 1 BEE a @bob en Hive-Engine')
  })

  it('never shows [object Object] or a raw operation name for the kinds a Hive dApp sends, in any language', () => {
    const locales = Object.entries(kit).filter(([name]) => /^[a-z]{2}(?:[A-Z]{2})?Labels$/.test(name)) as [string, HasLabels][]
    for (const [, tx] of HIVE_TRANSACTIONS) {
      for (const op of tx.operations as Op[]) {
        for (const [name, labels] of locales) {
          const text = say(op, labels)
          expect([name, op[0], text]).not.toEqual([name, op[0], expect.stringMatching(/object Object|undefined|\{\w+\}/)])
          const generic = say(['\u0000', {}], labels).replace('\u0000', op[0])
          expect([name, op[0], text === generic || (op[0].includes('_') && text.includes(op[0]))]).toEqual([name, op[0], false])
        }
      }
    }
  })

  it('shortens long values', () => {
    expect(say(customJson('x'.repeat(100), {}))).toHaveLength('App action ""'.length + 60)
  })
})

describe('operationKeyType: which key an operation needs', () => {
  it.each<[Op, string | undefined]>([
    [vote(100), 'posting'],
    [follow(['blog']), 'posting'],
    [engine('transfer', {}), 'active'],
    [['transfer', { from: 'alice' }], 'active'],
    [['account_update', { account: 'alice', owner: { weight_threshold: 1 } }], 'owner'],
    [['escrow_dispute', {}], 'active'],
    [['no_such_op', {}], undefined],
  ])('%j needs the %s key', (op, role) => {
    expect(operationKeyType(op)).toBe(role)
  })
})
