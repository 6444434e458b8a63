import type { HasLabels } from '../i18n/en.js'
import { format } from '../i18n/format.js'

const text = (value: unknown, max = 60) => {
  const s = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
  return s.length > max ? `${s.slice(0, max - 1)}…` : s
}

/** One line, in the user's language, for an operation: what a vote, a post, a transfer… will do. */
export function describeOperation(operation: readonly [string, Record<string, unknown>], labels: HasLabels): string {
  const [name, op] = operation
  switch (name) {
    case 'vote': {
      const weight = Number(op.weight) / 100
      const values = { weight: Math.abs(weight), author: text(op.author), permlink: text(op.permlink, 40) }
      return format(weight < 0 ? labels.opDownvote : labels.opVote, values)
    }
    case 'comment':
      return op.parent_author
        ? format(labels.opReply, { parent: text(op.parent_author), author: text(op.author) })
        : format(labels.opComment, { title: text(op.title) || text(op.permlink), author: text(op.author) })
    case 'transfer': {
      const memo = text(op.memo)
      // An encrypted memo is shown as such: its text means nothing to a person.
      if (memo && !memo.startsWith('#')) return format(labels.opTransferMemo, { amount: text(op.amount), to: text(op.to), memo })
      return format(labels.opTransfer, { amount: text(op.amount), to: text(op.to) })
    }
    case 'transfer_to_vesting':
      return format(labels.opPowerUp, { amount: text(op.amount), to: text(op.to) || text(op.from) })
    case 'delegate_vesting_shares':
      return Number.parseFloat(text(op.vesting_shares)) === 0
        ? format(labels.opUndelegate, { delegatee: text(op.delegatee) })
        : format(labels.opDelegate, { amount: text(op.vesting_shares), delegatee: text(op.delegatee) })
    case 'custom_json':
      return format(labels.opCustomJson, { id: text(op.id) })
    case 'account_witness_vote':
      return format(op.approve === false ? labels.opWitnessUnvote : labels.opWitnessVote, { witness: text(op.witness) })
    default:
      return format(labels.opOther, { name: text(name) })
  }
}
