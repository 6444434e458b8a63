// Every operation the kit serializes: its id in Hive's operation variant, then its fields in order with their types
// (hived's protocol/operations, as dhive and hive-tx serialize them). Types: s string, b bool, u16 i16 u32 u64 i64
// integers, a asset, t time, k public key, A authority, S[] strings, I64[] int64s, x[] empty extensions, hex binary,
// P price, CP chain properties, BEN comment beneficiaries, PROPS witness properties, UPX proposal end date; `?` optional.

/** The field types a spec may name. */
export type FieldType =
  | 's'
  | 'b'
  | 'u16'
  | 'i16'
  | 'u32'
  | 'u64'
  | 'i64'
  | 'a'
  | 't'
  | 'k'
  | 'k?'
  | 'A'
  | 'A?'
  | 'S[]'
  | 'I64[]'
  | 'x[]'
  | 'hex'
  | 'P'
  | 'CP'
  | 'BEN'
  | 'PROPS'
  | 'UPX'

const AUTHORITIES = 'owner:A active:A posting:A memo_key:k json_metadata:s'

/** `name: [id, 'field:type field:type …']`. */
export const OPERATION_FIELDS: Record<string, [number, string]> = {
  vote: [0, 'voter:s author:s permlink:s weight:i16'],
  comment: [1, 'parent_author:s parent_permlink:s author:s permlink:s title:s body:s json_metadata:s'],
  transfer: [2, 'from:s to:s amount:a memo:s'],
  transfer_to_vesting: [3, 'from:s to:s amount:a'],
  withdraw_vesting: [4, 'account:s vesting_shares:a'],
  limit_order_create: [5, 'owner:s orderid:u32 amount_to_sell:a min_to_receive:a fill_or_kill:b expiration:t'],
  limit_order_cancel: [6, 'owner:s orderid:u32'],
  feed_publish: [7, 'publisher:s exchange_rate:P'],
  convert: [8, 'owner:s requestid:u32 amount:a'],
  account_create: [9, `fee:a creator:s new_account_name:s ${AUTHORITIES}`],
  account_update: [10, 'account:s owner:A? active:A? posting:A? memo_key:k json_metadata:s'],
  witness_update: [11, 'owner:s url:s block_signing_key:k props:CP fee:a'],
  account_witness_vote: [12, 'account:s witness:s approve:b'],
  account_witness_proxy: [13, 'account:s proxy:s'],
  custom: [15, 'required_auths:S[] id:u16 data:hex'],
  delete_comment: [17, 'author:s permlink:s'],
  custom_json: [18, 'required_auths:S[] required_posting_auths:S[] id:s json:s'],
  comment_options: [19, 'author:s permlink:s max_accepted_payout:a percent_hbd:u16 allow_votes:b allow_curation_rewards:b extensions:BEN'],
  set_withdraw_vesting_route: [20, 'from_account:s to_account:s percent:u16 auto_vest:b'],
  limit_order_create2: [21, 'owner:s orderid:u32 amount_to_sell:a exchange_rate:P fill_or_kill:b expiration:t'],
  claim_account: [22, 'creator:s fee:a extensions:x[]'],
  create_claimed_account: [23, `creator:s new_account_name:s ${AUTHORITIES} extensions:x[]`],
  request_account_recovery: [24, 'recovery_account:s account_to_recover:s new_owner_authority:A extensions:x[]'],
  recover_account: [25, 'account_to_recover:s new_owner_authority:A recent_owner_authority:A extensions:x[]'],
  change_recovery_account: [26, 'account_to_recover:s new_recovery_account:s extensions:x[]'],
  escrow_transfer: [27, 'from:s to:s hbd_amount:a hive_amount:a escrow_id:u32 agent:s fee:a json_meta:s ratification_deadline:t escrow_expiration:t'],
  escrow_dispute: [28, 'from:s to:s agent:s who:s escrow_id:u32'],
  escrow_release: [29, 'from:s to:s agent:s who:s receiver:s escrow_id:u32 hbd_amount:a hive_amount:a'],
  escrow_approve: [31, 'from:s to:s agent:s who:s escrow_id:u32 approve:b'],
  transfer_to_savings: [32, 'from:s to:s amount:a memo:s'],
  transfer_from_savings: [33, 'from:s request_id:u32 to:s amount:a memo:s'],
  cancel_transfer_from_savings: [34, 'from:s request_id:u32'],
  decline_voting_rights: [36, 'account:s decline:b'],
  reset_account: [37, 'reset_account:s account_to_reset:s new_owner_authority:A'],
  set_reset_account: [38, 'account:s current_reset_account:s reset_account:s'],
  claim_reward_balance: [39, 'account:s reward_hive:a reward_hbd:a reward_vests:a'],
  delegate_vesting_shares: [40, 'delegator:s delegatee:s vesting_shares:a'],
  account_create_with_delegation: [41, `fee:a delegation:a creator:s new_account_name:s ${AUTHORITIES} extensions:x[]`],
  witness_set_properties: [42, 'owner:s props:PROPS extensions:x[]'],
  account_update2: [43, 'account:s owner:A? active:A? posting:A? memo_key:k? json_metadata:s posting_json_metadata:s extensions:x[]'],
  create_proposal: [44, 'creator:s receiver:s start_date:t end_date:t daily_pay:a subject:s permlink:s extensions:x[]'],
  update_proposal_votes: [45, 'voter:s proposal_ids:I64[] approve:b extensions:x[]'],
  remove_proposal: [46, 'proposal_owner:s proposal_ids:I64[] extensions:x[]'],
  update_proposal: [47, 'proposal_id:u64 creator:s daily_pay:a subject:s permlink:s extensions:UPX'],
  collateralized_convert: [48, 'owner:s requestid:u32 amount:a'],
  recurrent_transfer: [49, 'from:s to:s amount:a memo:s recurrence:u16 executions:u16 extensions:x[]'],
}
