import { isRecord } from '../core/protocol/parseFrame.js'
import type { ChainTransaction, DevkitChain } from './chain.js'
import { dynamicGlobalProperties } from './chainBlocks.js'
import type { BlockClock } from './chainBlocks.js'
import { HiveNodeError, isTransaction } from './chainTransactions.js'

/** hived's JSON-RPC code for an error raised during a call (an assert, a missing authority). */
const ERROR_DURING_CALL = -32003

type Chain = Pick<DevkitChain, 'account' | 'broadcast' | 'chainId'> & {
  clock: BlockClock
  transaction(txid: string): ChainTransaction | undefined
}

/**
 * Answers one JSON-RPC request as a Hive API node does, for the calls the official PKSA, the HiveAuth app, Keychain
 * and dhive make: accounts, dynamic global properties, version, broadcasts (both forms) and transactions by id. The
 * condenser_api form takes positional params, database_api named ones; the legacy `call` form is unwrapped.
 */
export function answerRpc(chain: Chain, body: unknown): Record<string, unknown> {
  const id = isRecord(body) ? (body.id ?? null) : null
  const reply = (result: unknown) => ({ jsonrpc: '2.0', id, result })
  const fail = (code: number, message: string) => ({ jsonrpc: '2.0', id, error: { code, message } })
  if (!isRecord(body) || typeof body.method !== 'string') return fail(-32600, 'Invalid Request')
  let { method, params } = body as { method: string; params: unknown }
  if (method === 'call' && Array.isArray(params) && typeof params[0] === 'string' && typeof params[1] === 'string') {
    method = `${params[0]}.${params[1]}`
    params = params[2]
  }
  const positional = Array.isArray(params) ? params : []
  const named = isRecord(params) ? params : {}
  const accounts = (list: unknown) =>
    (Array.isArray(list) ? list : []).flatMap((n) => (typeof n === 'string' ? [chain.account(n)].filter(Boolean) : []))
  const version = { blockchain_version: '1.27.11', hive_revision: 'devkit', fc_revision: 'devkit', chain_id: chain.chainId }
  try {
    switch (method) {
      case 'condenser_api.get_accounts':
        return reply(accounts(positional[0]))
      case 'database_api.find_accounts':
        return reply({ accounts: accounts(named.accounts) })
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
      case 'condenser_api.get_transaction': {
        const txid = typeof positional[0] === 'string' ? positional[0] : ''
        const found = chain.transaction(txid)
        if (!found) return fail(ERROR_DURING_CALL, `Assert Exception:false: Unknown Transaction ${txid}`)
        return reply({ ...found.transaction, transaction_id: txid, block_num: found.blockNum, transaction_num: 0 })
      }
      default:
        return fail(-32601, `Could not find method ${method}`)
    }
  } catch (error) {
    if (error instanceof HiveNodeError) return fail(ERROR_DURING_CALL, error.message)
    throw error
  }
}
