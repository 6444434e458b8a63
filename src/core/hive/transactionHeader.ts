import { DEFAULT_CHECK_TIMEOUT_MS } from '../chain/askNodes.js'
import { distinctNodes } from '../chain/nodeUrls.js'
import { callNode, type ChainOptions, DEFAULT_HIVE_NODES } from '../chain/rpc.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import { isRecord } from '../protocol/parseFrame.js'

/** What a transaction needs before its operations: the block it refers to (TaPoS) and when it expires. */
export interface TransactionHeader {
  ref_block_num: number
  ref_block_prefix: number
  expiration: string
}

/** Hive writes times as UTC without a zone: `2026-12-06T08:00:00`. */
export const hiveTime = (ms: number) => new Date(ms).toISOString().slice(0, 19)

/** The 32 bits Hive puts in `ref_block_prefix`: bytes 4 to 7 of the block id, little-endian. */
export function refBlockPrefix(blockId: string): number {
  const bytes = blockId.slice(8, 16).match(/../g) ?? []
  return bytes.reduce((value, byte, i) => value + Number.parseInt(byte, 16) * 2 ** (8 * i), 0)
}

/** How long a transaction signed for the dApp stays valid after the head block (ms), as dhive and Keychain set it. */
export const TRANSACTION_LIFETIME_MS = 60_000
const BLOCK_ID = /^[0-9a-f]{40}$/
const HIVE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/

/**
 * The header of a transaction to sign now: the head block as its reference, expiring a minute after the head block's
 * time. One node is enough (the first that answers with a head block): a wrong reference can only make the transaction
 * invalid, never make it another. No node answering is a HasConnectionError.
 */
export async function fetchTransactionHeader(chain: ChainOptions = {}, signal?: AbortSignal): Promise<TransactionHeader> {
  const doFetch = chain.fetch ?? globalThis.fetch
  const controller = new AbortController()
  const stop = () => controller.abort()
  const timer = setTimeout(stop, chain.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS)
  if (signal?.aborted) stop()
  signal?.addEventListener('abort', stop)
  const problems: string[] = []
  try {
    for (const node of distinctNodes(chain.nodes ?? DEFAULT_HIVE_NODES)) {
      if (controller.signal.aborted) break
      try {
        const answer = await callNode(node, 'condenser_api.get_dynamic_global_properties', [], doFetch, controller.signal)
        const header = 'result' in answer ? headerOf(answer.result) : undefined
        if (header) return header
        problems.push(`${node}: no head block`)
      } catch (error) {
        problems.push(`${node}: ${error instanceof Error ? error.message : 'failed'}`)
      }
    }
  } finally {
    clearTimeout(timer)
    signal?.removeEventListener('abort', stop)
  }
  throw new HasConnectionError('No Hive API node gave a block to sign the transaction against.', {
    details: problems.join('; ') || undefined,
    reason: 'nodes',
  })
}

/** The header from one node's global properties, or undefined when they hold no head block. */
function headerOf(properties: unknown): TransactionHeader | undefined {
  if (!isRecord(properties)) return undefined
  const { head_block_number: number, head_block_id: id, time } = properties
  if (!Number.isSafeInteger(number) || typeof id !== 'string' || !BLOCK_ID.test(id) || typeof time !== 'string' || !HIVE_TIME.test(time)) {
    return undefined
  }
  const expiration = hiveTime(Date.parse(`${time}Z`) + TRANSACTION_LIFETIME_MS)
  return { ref_block_num: (number as number) & 0xffff, ref_block_prefix: refBlockPrefix(id), expiration }
}
