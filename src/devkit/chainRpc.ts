import { isRecord } from '../core/protocol/parseFrame.js'
import type { ChainTransaction, DevkitChain } from './chain.js'
import { blockAt, config, hf26Form, legacyForm, rcAccount } from './chainAnswers.js'
import { dynamicGlobalProperties } from './chainBlocks.js'
import type { BlockClock } from './chainBlocks.js'
import { HiveNodeError, isTransaction } from './chainTransactions.js'

/** hived's JSON-RPC code for an error raised during a call (an assert, a missing authority). */
const ERROR_DURING_CALL = -32003

type Chain = Pick<DevkitChain, 'account' | 'broadcast' | 'chainId'> & {
  /** An account as the APIs answer it (`nai`: database_api's amounts). */
  accountView(name: string, nai: boolean): Record<string, unknown> | undefined
  clock: BlockClock
  transaction(txid: string): ChainTransaction | undefined
  /** The transactions of a block. */
  inBlock(number: number): ChainTransaction[]
}

/**
 * Answers one JSON-RPC request as a Hive API node does, for the calls the official PKSA, the HiveAuth app, Keychain,
 * dhive, hive-tx and wax make: accounts, dynamic global properties, version, config, broadcasts (both forms, operations
 * legacy or HF26), transactions by id and their status, blocks, resource credits. The condenser_api form takes
 * positional params, the others named ones; the legacy `call` form is unwrapped.
 */
export function answerRpc(chain: Chain, body: unknown): Record<string, unknown> {
  const id = isRecord(body) ? (body.id ?? null) : null
  const reply = (result: unknown) => ({ jsonrpc: '2.0', id, result })
  // hived's errors carry `data` (the fc exception), which clients such as wax and beekeeper read.
  const fail = (code: number, message: string) => ({
    jsonrpc: '2.0',
    id,
    error:
      code === ERROR_DURING_CALL
        ? { code, message, data: { code: 10, name: 'assert_exception', message: 'Assert Exception', stack: [] } }
        : { code, message },
  })
  if (!isRecord(body) || typeof body.method !== 'string') return fail(-32600, 'Invalid Request')
  let { method, params } = body as { method: string; params: unknown }
  if (method === 'call' && Array.isArray(params) && typeof params[0] === 'string' && typeof params[1] === 'string') {
    method = `${params[0]}.${params[1]}`
    params = params[2]
  }
  const positional = Array.isArray(params) ? params : []
  const named = isRecord(params) ? params : {}
  const accounts = (list: unknown, nai = false) =>
    (Array.isArray(list) ? list : []).flatMap((n) => {
      const found = typeof n === 'string' ? chain.accountView(n, nai) : undefined
      return found ? [found] : []
    })
  const version = { blockchain_version: '1.27.11', hive_revision: 'devkit', fc_revision: 'devkit', chain_id: chain.chainId }
  try {
    switch (method) {
      case 'condenser_api.get_accounts':
        return reply(accounts(positional[0]))
      case 'database_api.find_accounts':
        return reply({ accounts: accounts(named.accounts, true) })
      case 'condenser_api.get_dynamic_global_properties':
        return reply(dynamicGlobalProperties(chain.clock, false))
      case 'database_api.get_dynamic_global_properties':
        return reply(dynamicGlobalProperties(chain.clock, true))
      case 'condenser_api.get_version':
      case 'database_api.get_version':
        return reply(version)
      case 'condenser_api.broadcast_transaction':
      case 'network_broadcast_api.broadcast_transaction': {
        const tx = method.startsWith('condenser') ? positional[0] : named.trx
        if (!isTransaction(tx)) return fail(-32602, 'Invalid params')
        chain.broadcast(tx)
        return reply({})
      }
      case 'condenser_api.broadcast_transaction_synchronous': {
        if (!isTransaction(positional[0])) return fail(-32602, 'Invalid params')
        const txid = chain.broadcast(positional[0])
        return reply({ id: txid, block_num: chain.transaction(txid)!.blockNum, trx_num: 0, expired: false })
      }
      case 'condenser_api.get_transaction':
      case 'account_history_api.get_transaction': {
        const condenser = method.startsWith('condenser')
        const txid = condenser ? (typeof positional[0] === 'string' ? positional[0] : '') : typeof named.id === 'string' ? named.id : ''
        const found = chain.transaction(txid)
        if (!found) return fail(ERROR_DURING_CALL, `Assert Exception:false: Unknown Transaction ${txid}`)
        const transaction = condenser ? legacyForm(found) : hf26Form(found)
        return reply({ ...transaction, transaction_id: txid, block_num: found.blockNum, transaction_num: 0 })
      }
      case 'transaction_status_api.find_transaction': {
        const txid = typeof named.transaction_id === 'string' ? named.transaction_id : ''
        const found = chain.transaction(txid)
        const lib = chain.clock.head().number - 1
        if (found)
          return reply({ status: found.blockNum <= lib ? 'within_irreversible_block' : 'within_reversible_block', block_num: found.blockNum })
        const expired = typeof named.expiration === 'string' && Date.parse(`${named.expiration}Z`) <= chain.clock.head().time
        return reply({ status: expired ? 'expired_irreversible' : 'unknown' })
      }
      case 'condenser_api.get_block':
      case 'block_api.get_block': {
        const condenser = method.startsWith('condenser')
        const number = Number(condenser ? positional[0] : named.block_num)
        const block = Number.isInteger(number) && number > 0 && number <= chain.clock.head().number ? blockAt(chain, number, condenser) : undefined
        return reply(condenser ? (block ?? null) : block ? { block } : {})
      }
      case 'rc_api.find_rc_accounts':
        return reply({ rc_accounts: accounts(named.accounts).map((account) => rcAccount(String(account.name), chain.clock.head().time)) })
      case 'condenser_api.get_config':
      case 'database_api.get_config':
        return reply(config(chain.chainId))
      default:
        return fail(-32601, `Could not find method ${method}`)
    }
  } catch (error) {
    if (error instanceof HiveNodeError) return fail(ERROR_DURING_CALL, error.message)
    throw error
  }
}
