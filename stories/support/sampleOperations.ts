type Op = [string, Record<string, unknown>]

const json = (id: string, value: unknown, active = false): Op => [
  'custom_json',
  { id, json: JSON.stringify(value), required_auths: active ? ['alice'] : [], required_posting_auths: active ? [] : ['alice'] },
]

/** One of each operation a Hive dApp commonly sends, for the summaries story. */
export const SAMPLE_OPERATIONS: Op[] = [
  ['vote', { voter: 'alice', author: 'bob', permlink: 'hello-hive', weight: 10000 }],
  ['vote', { voter: 'alice', author: 'bob', permlink: 'hello-hive', weight: 0 }],
  ['vote', { voter: 'alice', author: 'spammer', permlink: 'spam', weight: -5000 }],
  ['comment', { parent_author: '', parent_permlink: 'hive', author: 'alice', permlink: 'p', title: 'Hello Hive', body: '', json_metadata: '' }],
  ['comment', { parent_author: 'bob', parent_permlink: 'hello-hive', author: 'alice', permlink: 're', title: '', body: 'Nice', json_metadata: '' }],
  ['transfer', { from: 'alice', to: 'bob', amount: '1.000 HIVE', memo: 'thanks' }],
  ['transfer', { from: 'alice', to: 'bob', amount: { amount: '2500', precision: 3, nai: '@@000000013' }, memo: '#encrypted' }],
  ['recurrent_transfer', { from: 'alice', to: 'bob', amount: '1.000 HBD', memo: '', recurrence: 24, executions: 30, extensions: [] }],
  ['transfer_to_vesting', { from: 'alice', to: 'alice', amount: '100.000 HIVE' }],
  ['withdraw_vesting', { account: 'alice', vesting_shares: '200000.000000 VESTS' }],
  ['delegate_vesting_shares', { delegator: 'alice', delegatee: 'bob', vesting_shares: '1000000.000000 VESTS' }],
  ['claim_reward_balance', { account: 'alice', reward_hive: '0.000 HIVE', reward_hbd: '1.250 HBD', reward_vests: '2.500000 VESTS' }],
  ['transfer_to_savings', { from: 'alice', to: 'alice', amount: '10.000 HBD', memo: '' }],
  ['transfer_from_savings', { from: 'alice', request_id: 1, to: 'alice', amount: '5.000 HBD', memo: '' }],
  json('follow', ['follow', { follower: 'alice', following: 'bob', what: ['blog'] }]),
  json('follow', ['reblog', { account: 'alice', author: 'bob', permlink: 'hello-hive' }]),
  json('community', ['subscribe', { community: 'hive-174578' }]),
  json(
    'ssc-mainnet-hive',
    { contractName: 'tokens', contractAction: 'transfer', contractPayload: { symbol: 'BEE', to: 'bob', quantity: '5' } },
    true,
  ),
  json('sm_token_transfer', { to: 'bob', qty: 5000, token: 'DEC' }, true),
  json('sm_stake_tokens', { token: 'SPS', qty: 100 }, true),
  json('ecency_point_transfer', { sender: 'alice', receiver: 'bob', amount: '10.000 POINT', memo: '' }, true),
  json('notify', ['setLastRead', { date: '2026-12-06T10:00:00' }]),
  json('community', ['pinPost', { community: 'hive-174578', account: 'bob', permlink: 'hello-hive' }]),
  ['delete_comment', { author: 'alice', permlink: 'old-post' }],
  ['comment_options', { author: 'alice', permlink: 'p', extensions: [[0, { beneficiaries: [{ account: 'bob', weight: 1000 }] }]] }],
  ['update_proposal_votes', { voter: 'alice', proposal_ids: [0, 312], approve: true }],
  [
    'create_proposal',
    {
      creator: 'alice',
      receiver: 'alice',
      start_date: '2027-01-01T00:00:00',
      end_date: '2027-06-01T00:00:00',
      daily_pay: '100.000 HBD',
      subject: 'Dev work',
      permlink: 'dev',
    },
  ],
  ['account_witness_vote', { account: 'alice', witness: 'bob', approve: true }],
  ['account_witness_proxy', { account: 'alice', proxy: 'bob' }],
  ['account_update2', { account: 'alice', json_metadata: '', posting_json_metadata: '{"profile":{}}' }],
  ['convert', { owner: 'alice', requestid: 1, amount: '5.000 HBD' }],
  ['limit_order_create', { owner: 'alice', orderid: 7, amount_to_sell: '10.000 HIVE', min_to_receive: '3.000 HBD', fill_or_kill: false }],
  ['claim_account', { creator: 'alice', fee: '0.000 HIVE', extensions: [] }],
  ['escrow_dispute', { from: 'alice', to: 'bob', agent: 'carol', who: 'alice', escrow_id: 1 }],
]
