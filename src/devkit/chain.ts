import { sha256 } from '@noble/hashes/sha2.js'
import { authorityProblem } from '../core/chain/verifyChallenge.js'
import type { HiveAccount, HiveAuthority } from '../core/chain/hiveAccounts.js'
import { recoverPublicKey } from '../core/crypto/signatures.js'
import { isRecord } from '../core/protocol/parseFrame.js'
import { accountFromSpec, type DevkitAccountSpec, type DevkitRole } from './accounts.js'
import { requiredAuthority } from './authority.js'

/** A transaction the devkit chain accepted. */
export interface ChainTransaction {
  txid: string
  blockNum: number
  operations: unknown[]
  /** The public keys that signed it. */
  signers: string[]
}

/** Options of the devkit's Hive node. */
export interface DevkitChainOptions {
  /** Accounts on the chain (default alice, bob and carol): names, or `{ name, password? }`. */
  accounts?: readonly DevkitAccountSpec[]
  /** The URL the in-memory `fetch` answers (default `memory://hive-devkit-chain`). */
  url?: string
}

/** A Hive JSON-RPC node for the devkit's accounts: what verifyChallenge, verifyLoginMessage and confirmTransaction read. */
export interface DevkitChain {
  readonly url: string
  /** A `fetch` that answers JSON-RPC POSTs to `url` in memory (anything else fails as a network error would). */
  fetch: typeof fetch
  /** Answers one JSON-RPC request body (what the CLI serves over HTTP). */
  handle(body: unknown): Record<string, unknown>
  /** An account as `condenser_api.get_accounts` returns it. */
  account(name: string): HiveAccount | undefined
  /** Changes an account (several keys, thresholds, a removed key: whatever a test needs). */
  update(name: string, change: (account: HiveAccount) => void): void
  /** Broadcasts a signed transaction: its id, or throws the node's error text when the signatures lack authority. */
  broadcast(tx: Record<string, unknown>): string
  transactions(): ChainTransaction[]
}

/** The digest a devkit transaction is signed over (a stand-in for Hive's serialized transaction digest). */
export function transactionDigestInput(tx: Record<string, unknown>): string {
  const { signatures: _signatures, ...unsigned } = tx
  return JSON.stringify(unsigned)
}

/** Creates the devkit node. */
export function createChain(options: DevkitChainOptions = {}): DevkitChain {
  const url = options.url ?? 'memory://hive-devkit-chain'
  const accounts = new Map<string, HiveAccount>()
  const txs = new Map<string, ChainTransaction>()
  for (const spec of options.accounts ?? ['alice', 'bob', 'carol']) {
    const { name, publicKeys } = accountFromSpec(spec)
    const single = (key: string): HiveAuthority => ({ weight_threshold: 1, account_auths: [], key_auths: [[key, 1]] })
    // The devkit derives no owner key from the roles it uses; the active key stands in for it.
    accounts.set(name, {
      name,
      owner: single(publicKeys.active),
      active: single(publicKeys.active),
      posting: single(publicKeys.posting),
      memo_key: publicKeys.memo,
    })
  }

  function broadcast(tx: Record<string, unknown>): string {
    const operations = Array.isArray(tx.operations) ? tx.operations : []
    const signatures = Array.isArray(tx.signatures) ? tx.signatures.filter((s): s is string => typeof s === 'string') : []
    const input = transactionDigestInput(tx)
    const signers = signatures.flatMap((signature) => {
      try {
        return [recoverPublicKey(input, signature)]
      } catch {
        return []
      }
    })
    for (const op of operations) {
      if (!Array.isArray(op) || typeof op[0] !== 'string' || !isRecord(op[1])) throw new Error('Assert Exception: invalid operation')
      const needed = requiredAuthority(op[0], op[1])
      if (!needed) continue
      const account = accounts.get(needed.account)
      const roles: DevkitRole[] = needed.role === 'posting' ? ['posting', 'active'] : ['active']
      const covered = account && signers.some((key) => roles.some((role) => !authorityProblem(account, role, key)))
      if (!covered) {
        const role = needed.role === 'active' ? 'Active' : 'Posting'
        throw new Error(`missing required ${needed.role} authority: Missing ${role} Authority ${needed.account || '(none)'}`)
      }
    }
    const txid = Array.from(sha256(new TextEncoder().encode(input)).subarray(0, 20), (b) => b.toString(16).padStart(2, '0')).join('')
    txs.set(txid, { txid, blockNum: 90_000_000 + txs.size, operations, signers })
    return txid
  }

  function handle(body: unknown): Record<string, unknown> {
    const id = isRecord(body) ? (body.id ?? null) : null
    const reply = (result: unknown) => ({ jsonrpc: '2.0', id, result })
    const fail = (code: number, message: string) => ({ jsonrpc: '2.0', id, error: { code, message } })
    if (!isRecord(body) || typeof body.method !== 'string') return fail(-32600, 'Invalid Request')
    const params = body.params
    switch (body.method) {
      case 'condenser_api.get_accounts': {
        const names = Array.isArray(params) && Array.isArray(params[0]) ? params[0] : []
        return reply(names.flatMap((n) => (typeof n === 'string' && accounts.has(n) ? [structuredClone(accounts.get(n)!)] : [])))
      }
      case 'database_api.find_accounts': {
        const names = isRecord(params) && Array.isArray(params.accounts) ? params.accounts : []
        return reply({ accounts: names.flatMap((n) => (typeof n === 'string' && accounts.has(n) ? [structuredClone(accounts.get(n)!)] : [])) })
      }
      case 'condenser_api.broadcast_transaction':
      case 'condenser_api.broadcast_transaction_synchronous': {
        const tx = Array.isArray(params) ? params[0] : undefined
        if (!isRecord(tx)) return fail(-32602, 'Invalid params')
        try {
          const txid = broadcast(tx)
          return reply({ id: txid, block_num: txs.get(txid)!.blockNum, trx_num: 0, expired: false })
        } catch (error) {
          return fail(-32000, error instanceof Error ? error.message : 'Assert Exception')
        }
      }
      case 'condenser_api.get_transaction': {
        const txid = Array.isArray(params) && typeof params[0] === 'string' ? params[0] : ''
        const tx = txs.get(txid)
        if (!tx) return fail(-32000, `Assert Exception:false: Unknown Transaction ${txid}`)
        return reply({
          ref_block_num: 0,
          ref_block_prefix: 0,
          expiration: '',
          operations: tx.operations,
          extensions: [],
          signatures: [],
          transaction_id: txid,
          block_num: tx.blockNum,
          transaction_num: 0,
        })
      }
      default:
        return fail(-32601, `Method not found: ${body.method}`)
    }
  }

  const memoryFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const target = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    if (target.replace(/\/$/, '') !== url) throw new TypeError('fetch failed')
    if (init?.signal?.aborted) throw new DOMException('The operation was aborted.', 'AbortError')
    let body: unknown
    try {
      body = JSON.parse(String(init?.body ?? ''))
    } catch {
      return new Response(JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } }), { status: 200 })
    }
    return new Response(JSON.stringify(handle(body)), { status: 200, headers: { 'content-type': 'application/json' } })
  }) as typeof fetch

  return {
    url,
    fetch: memoryFetch,
    handle,
    account: (name) => (accounts.has(name) ? structuredClone(accounts.get(name)!) : undefined),
    update(name, change) {
      const account = accounts.get(name)
      if (!account) throw new Error(`@${name} is not on the devkit chain`)
      change(account)
    },
    broadcast,
    transactions: () => [...txs.values()],
  }
}
