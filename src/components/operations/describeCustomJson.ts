import type { HasLabels } from '../i18n/en.js'
import { format } from '../i18n/format.js'
import { clip, isObject } from './clip.js'

/** What apps put in a custom_json is theirs; this many characters are read at most. */
const MAX_JSON_CHARS = 8192

function parse(json: unknown): unknown {
  if (typeof json !== 'string' || json.length > MAX_JSON_CHARS) return undefined
  try {
    return JSON.parse(json)
  } catch {
    return undefined
  }
}

/** Hive's social actions (`follow` id): follow, unfollow, mute, reblog. */
function social(payload: unknown, labels: HasLabels): string | undefined {
  if (!Array.isArray(payload) || !isObject(payload[1])) return undefined
  const [action, body] = payload as [unknown, Record<string, unknown>]
  if (action === 'reblog') {
    // A reblog with `delete: "delete"` takes the reblog back (Hive's own follow plugin reads it so).
    const label = body.delete === 'delete' ? labels.opUnreblog : labels.opReblog
    return format(label, { author: clip(body.author), permlink: clip(body.permlink, 40) })
  }
  if (action !== 'follow') return undefined
  const what = Array.isArray(body.what) ? body.what : []
  const label = what.includes('ignore') ? labels.opMute : what.includes('blog') ? labels.opFollow : labels.opUnfollow
  return format(label, { account: clip(body.following) })
}

/** The community actions said in words (the others by their name). */
const COMMUNITY_ACTIONS: Record<string, keyof HasLabels | undefined> = {
  subscribe: 'opCommunityJoin',
  unsubscribe: 'opCommunityLeave',
  mutePost: 'opCommunityMutePost',
  unmutePost: 'opCommunityUnmutePost',
  pinPost: 'opCommunityPin',
  unpinPost: 'opCommunityUnpin',
  setRole: 'opCommunityRole',
}

/** Hive communities (`community` id): join, leave, the moderators' common actions; the others by name. */
function community(payload: unknown, labels: HasLabels): string | undefined {
  if (!Array.isArray(payload) || typeof payload[0] !== 'string' || !isObject(payload[1])) return undefined
  const [action, body] = payload as [string, Record<string, unknown>]
  const values = {
    community: clip(body.community),
    action: clip(action, 30),
    author: clip(body.account),
    permlink: clip(body.permlink, 40),
    account: clip(body.account),
    role: clip(body.role, 20),
  }
  const label = COMMUNITY_ACTIONS[action]
  return format(label ? labels[label] : labels.opCommunityAction, values)
}

/** Hive-Engine (`ssc-mainnet-hive` id): token transfers, stakes and delegations in words, other contract calls by name. */
function hiveEngine(payload: unknown, labels: HasLabels, signer: unknown): string | undefined {
  const calls = Array.isArray(payload) ? payload : [payload]
  if (calls.length !== 1 || !isObject(calls[0])) return calls.length > 1 ? format(labels.opEngineAction, { action: `${calls.length}×` }) : undefined
  const { contractName, contractAction, contractPayload } = calls[0]
  const body = isObject(contractPayload) ? contractPayload : {}
  const values = { quantity: clip(body.quantity, 30), symbol: clip(body.symbol, 12), to: clip(body.to) }
  if (contractName === 'tokens' && contractAction === 'transfer') return format(labels.opEngineTransfer, values)
  if (contractName === 'tokens' && contractAction === 'stake')
    return format(body.to && body.to !== signer ? labels.opEngineStakeTo : labels.opEngineStake, values)
  if (contractName === 'tokens' && contractAction === 'unstake') return format(labels.opEngineUnstake, values)
  if (contractName === 'tokens' && contractAction === 'delegate') return format(labels.opEngineDelegate, values)
  return format(labels.opEngineAction, { action: `${clip(contractName, 30)}.${clip(contractAction, 30)}` })
}

/** Splinterlands (`sm_…` ids): token transfers and stakes in words, its other actions by name. */
function splinterlands(id: string, payload: unknown, labels: HasLabels): string {
  const body = isObject(payload) ? payload : {}
  const values = { qty: clip(body.qty, 30), token: clip(body.token, 12), to: clip(body.to), action: clip(id.slice(3), 30) }
  if (id === 'sm_token_transfer' && body.to !== undefined) return format(labels.opSplinterlandsTransfer, values)
  if (id === 'sm_stake_tokens' && body.qty !== undefined) return format(labels.opSplinterlandsStake, values)
  return format(labels.opSplinterlandsAction, values)
}

/** Ecency points (`ecency_point_transfer`): what moves, and to whom. */
function ecencyPoints(payload: unknown, labels: HasLabels): string | undefined {
  if (!isObject(payload) || payload.receiver === undefined) return undefined
  return format(labels.opEcencyPoints, { amount: clip(payload.amount, 30), to: clip(payload.receiver) })
}

/** Hive's notifications (`notify` id), as PeakD, Ecency and hive.blog mark them read. */
function notify(payload: unknown, labels: HasLabels): string | undefined {
  return Array.isArray(payload) && payload[0] === 'setLastRead' ? labels.opNotificationsRead : undefined
}

/** A custom_json in words where its id is well known; the app's id otherwise. */
export function describeCustomJson(op: Record<string, unknown>, labels: HasLabels): string {
  const payload = parse(op.json)
  const signer =
    (Array.isArray(op.required_auths) && op.required_auths[0]) || (Array.isArray(op.required_posting_auths) && op.required_posting_auths[0])
  const known =
    op.id === 'follow' || op.id === 'reblog'
      ? social(payload, labels)
      : op.id === 'community'
        ? community(payload, labels)
        : op.id === 'ssc-mainnet-hive'
          ? hiveEngine(payload, labels, signer)
          : typeof op.id === 'string' && op.id.startsWith('sm_')
            ? splinterlands(op.id, payload, labels)
            : op.id === 'ecency_point_transfer'
              ? ecencyPoints(payload, labels)
              : op.id === 'notify'
                ? notify(payload, labels)
                : undefined
  return known ?? format(labels.opCustomJson, { id: clip(op.id) })
}
