import type { HiveAccount, HiveAuthority } from '../core/chain/hiveAccounts.js'
import { HIVE_CHAIN_ID } from '../core/hive/transaction.js'
import { accountFromSpec, type DevkitAccountSpec } from './accounts.js'
import { hiveTime, refBlockPrefix, type TransactionHeader } from '../core/hive/transactionHeader.js'
import { BLOCK_INTERVAL_MS, createBlockClock } from './chainBlocks.js'
import { answerRpc } from './chainRpc.js'
import { accountAnswer } from './chainAccounts.js'
import { applyOperations, startingBalances } from './chainBalances.js'
import { checkTransaction } from './chainTransactions.js'

/** A transaction the devkit chain accepted. */
export interface ChainTransaction {
  /** Its id, as Hive computes it. */
  txid: string
  blockNum: number
  operations: unknown[]
  /** The public keys that signed it. */
  signers: string[]
  /** The signed transaction, as it was broadcast. */
  transaction: Record<string, unknown>
}

/** Options of the devkit's Hive node. */
export interface DevkitChainOptions {
  /** Accounts on the chain (default alice, bob and carol): names, or `{ name, password? }`. */
  accounts?: readonly DevkitAccountSpec[]
  /** The URL the in-memory `fetch` answers (default `memory://hive-devkit-chain`). */
  url?: string
  /** The chain id signatures cover (default Hive mainnet's, so wallets configured for mainnet sign for it). */
  chainId?: string
}

export type { TransactionHeader } from '../core/hive/transactionHeader.js'

/** A Hive JSON-RPC node for the devkit's accounts: what wallets, dhive and the kit's checks read and broadcast to. */
export interface DevkitChain {
  readonly url: string
  /** The chain id its transactions are signed for. */
  readonly chainId: string
  /** A `fetch` that answers JSON-RPC POSTs to `url` in memory (anything else fails as a network error would). */
  fetch: typeof fetch
  /** Answers one JSON-RPC request body (what the CLI serves over HTTP). */
  handle(body: unknown): Record<string, unknown>
  /** An account as `condenser_api.get_accounts` returns it. */
  account(name: string): HiveAccount | undefined
  /** Changes an account (several keys, thresholds, a removed key: whatever a test needs). */
  update(name: string, change: (account: HiveAccount) => void): void
  /** The head block's reference and an expiration `expiresInMs` past its time (default 60 s, as dhive). */
  transactionHeader(expiresInMs?: number): TransactionHeader
  /** Broadcasts a signed transaction: its Hive id, or throws the node's error text (authority, expiration, TaPoS, duplicate). */
  broadcast(tx: Record<string, unknown>): string
  transactions(): ChainTransaction[]
}

/** Creates the devkit node. */
export function createChain(options: DevkitChainOptions = {}): DevkitChain {
  const url = options.url ?? 'memory://hive-devkit-chain'
  const chainId = options.chainId ?? HIVE_CHAIN_ID
  const clock = createBlockClock()
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
  const account = (name: string) => (accounts.has(name) ? structuredClone(accounts.get(name)!) : undefined)
  let balances = new Map([...accounts.keys()].map((name) => [name, startingBalances()]))
  /** An account as the APIs answer it: authorities, balances and the fields clients read (`nai`: database_api's amounts). */
  const accountView = (name: string, nai: boolean) => {
    const found = account(name)
    return found ? accountAnswer(found, balances.get(name) ?? startingBalances(), nai) : undefined
  }

  function broadcast(tx: Record<string, unknown>): string {
    const { txid, ids, signers, operations } = checkTransaction(tx, { chainId, clock, account, known: (id) => txs.has(id) })
    balances = applyOperations(balances, operations) // throws, keeping the balances, when an account cannot pay
    const blockNum = clock.head().number + 1
    const recorded: ChainTransaction = { txid, blockNum, operations, signers, transaction: structuredClone(tx) }
    for (const id of ids) txs.set(id, recorded) // found by its id in either serialization
    return txid
  }

  const inBlock = (number: number) => [...new Set(txs.values())].filter((tx) => tx.blockNum === number)
  const chain = { account, accountView, broadcast, chainId, clock, inBlock, transaction: (txid: string) => txs.get(txid) }
  const handle = (body: unknown) => answerRpc(chain, body)

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
    chainId,
    fetch: memoryFetch,
    handle,
    account,
    update(name, change) {
      const found = accounts.get(name)
      if (!found) throw new Error(`@${name} is not on the devkit chain`)
      change(found)
    },
    transactionHeader(expiresInMs = 60_000) {
      const head = clock.head()
      return {
        ref_block_num: head.number & 0xffff,
        ref_block_prefix: refBlockPrefix(head.id),
        expiration: hiveTime(head.time + Math.min(expiresInMs, 3600_000 - BLOCK_INTERVAL_MS)),
      }
    },
    broadcast,
    transactions: () => [...new Set(txs.values())],
  }
}
