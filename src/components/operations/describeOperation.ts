import type { HasLabels } from '../i18n/en.js'
import { format } from '../i18n/format.js'
import { clip, isObject } from './clip.js'
import { describeCustomJson } from './describeCustomJson.js'
import { formatAmount, isZeroAmount } from '../../core/hive/formatAmount.js'

/** Options of describeOperation. */
export interface DescribeOperationOptions {
  /** HIVE per VEST (see hivePerVestsOf): delegations and power downs then read in HP instead of VESTS. */
  hivePerVests?: number
}

const list = (values: unknown) => (Array.isArray(values) ? values.map((v) => `#${clip(String(v), 12)}`).join(', ') : '')

/**
 * One line, in the labels' language, saying what an operation will do: "Remove your vote on @bob/post", "Send 1.000
 * HIVE to @bob", "Follow @bob". Weights as Hive means them (0 removes a vote, negative is a downvote), amounts in
 * either JSON form, well-known custom_json ids in plain words; anything else an honest generic line.
 */
export function describeOperation(
  operation: readonly [string, Record<string, unknown>],
  labels: HasLabels,
  options: DescribeOperationOptions = {},
): string {
  const [name, op] = operation
  const say = (label: string, values: Record<string, string | number> = {}) => format(label, values)
  const amount = (value: unknown) => formatAmount(value, options.hivePerVests, labels.locale) ?? clip(JSON.stringify(value) ?? '', 40)
  switch (name) {
    case 'vote': {
      const weight = Number(op.weight) / 100
      const values = { weight: Number(Math.abs(weight).toFixed(2)), author: clip(op.author), permlink: clip(op.permlink, 40) }
      return say(weight === 0 ? labels.opUnvote : weight < 0 ? labels.opDownvote : labels.opVote, values)
    }
    case 'comment':
      return op.parent_author
        ? say(labels.opReply, { parent: clip(op.parent_author), author: clip(op.author) })
        : say(labels.opComment, { title: clip(op.title) || clip(op.permlink), author: clip(op.author) })
    case 'transfer': {
      const memo = clip(op.memo)
      const values = { amount: amount(op.amount), to: clip(op.to), memo }
      // An encrypted memo is shown as such: its text means nothing to a person.
      return say(memo.startsWith('#') ? labels.opTransferEncrypted : memo ? labels.opTransferMemo : labels.opTransfer, values)
    }
    case 'recurrent_transfer':
      return isZeroAmount(op.amount)
        ? say(labels.opRecurrentStop, { to: clip(op.to) })
        : say(labels.opRecurrent, { amount: amount(op.amount), to: clip(op.to), hours: clip(op.recurrence), executions: clip(op.executions) })
    case 'transfer_to_vesting':
      return !op.to || op.to === op.from
        ? say(labels.opPowerUp, { amount: amount(op.amount) })
        : say(labels.opPowerUpTo, { amount: amount(op.amount), to: clip(op.to) })
    case 'withdraw_vesting':
      return isZeroAmount(op.vesting_shares) ? say(labels.opPowerDownStop) : say(labels.opPowerDown, { amount: amount(op.vesting_shares) })
    case 'delegate_vesting_shares':
      return isZeroAmount(op.vesting_shares)
        ? say(labels.opUndelegate, { delegatee: clip(op.delegatee) })
        : say(labels.opDelegate, { amount: amount(op.vesting_shares), delegatee: clip(op.delegatee) })
    case 'claim_reward_balance': {
      const amounts = [op.reward_hive, op.reward_hbd, op.reward_vests].filter((a) => a !== undefined && !isZeroAmount(a)).map(amount)
      return say(labels.opClaimRewards, { amounts: amounts.join(', ') || '0' })
    }
    case 'transfer_to_savings':
      return op.to === op.from
        ? say(labels.opToSavings, { amount: amount(op.amount) })
        : say(labels.opToSavingsOf, { amount: amount(op.amount), to: clip(op.to) })
    case 'transfer_from_savings':
      return op.to === op.from
        ? say(labels.opFromSavings, { amount: amount(op.amount) })
        : say(labels.opFromSavingsTo, { amount: amount(op.amount), to: clip(op.to) })
    case 'cancel_transfer_from_savings':
      return say(labels.opCancelFromSavings, { id: `#${clip(op.request_id)}` })
    case 'delete_comment':
      return say(labels.opDeleteComment, { author: clip(op.author), permlink: clip(op.permlink, 40) })
    case 'comment_options': {
      const values = { author: clip(op.author), permlink: clip(op.permlink, 40) }
      const beneficiaries = (Array.isArray(op.extensions) ? op.extensions : [])
        .flatMap((ext) => (Array.isArray(ext) && isObject(ext[1]) && Array.isArray(ext[1].beneficiaries) ? ext[1].beneficiaries : []))
        .filter(isObject)
        .map((b) => `@${clip(b.account)} ${Number(b.weight) / 100}%`)
      return beneficiaries.length
        ? say(labels.opBeneficiaries, { ...values, beneficiaries: beneficiaries.join(', ') })
        : say(labels.opCommentOptions, values)
    }
    case 'custom_json':
      return describeCustomJson(op, labels)
    case 'account_witness_vote':
      return say(op.approve === false ? labels.opWitnessUnvote : labels.opWitnessVote, { witness: clip(op.witness) })
    case 'account_witness_proxy':
      return op.proxy ? say(labels.opWitnessProxy, { proxy: clip(op.proxy) }) : say(labels.opWitnessProxyClear)
    case 'create_proposal':
      return say(labels.opProposalCreate, { subject: clip(op.subject, 60), receiver: clip(op.receiver), pay: amount(op.daily_pay) })
    case 'remove_proposal':
      return say(labels.opProposalRemove, { ids: list(op.proposal_ids) })
    case 'update_proposal_votes':
      return say(op.approve === false ? labels.opProposalUnvote : labels.opProposalVote, { ids: list(op.proposal_ids) })
    case 'account_update':
    case 'account_update2': {
      // account_update always carries memo_key; only account_update2 leaves out what does not change.
      const keys = op.owner || op.active || op.posting || (name === 'account_update2' && op.memo_key)
      return say(keys ? labels.opAccountKeys : labels.opProfileUpdate, { account: clip(op.account) })
    }
    case 'convert':
      return say(labels.opConvert, { amount: amount(op.amount) })
    case 'collateralized_convert':
      return say(labels.opCollateralizedConvert, { amount: amount(op.amount) })
    case 'limit_order_create':
      return say(labels.opLimitOrder, { sell: amount(op.amount_to_sell), receive: amount(op.min_to_receive) })
    case 'limit_order_cancel':
      return say(labels.opLimitOrderCancel, { id: `#${clip(op.orderid)}` })
    case 'claim_account':
      return say(labels.opClaimAccount)
    case 'account_create':
    case 'account_create_with_delegation':
    case 'create_claimed_account':
      return say(labels.opCreateAccount, { name: clip(op.new_account_name) })
    default:
      return say(labels.opOther, { name: clip(name) })
  }
}
