import { isRecord } from '../protocol/parseFrame.js'

export { DEFAULT_HIVE_NODES } from './defaultNodes.js'

/** How to reach Hive API nodes. */
export interface ChainOptions {
  /**
   * API nodes to ask (default: DEFAULT_HIVE_NODES). With two or more, a check believes an answer only when two distinct
   * nodes agree on it (a liar or a dead node makes it ask the next); a single node is trusted as it is.
   */
  nodes?: readonly string[]
  /** A fetch implementation (default: the global one): a server's, or the devkit's in-memory node. */
  fetch?: typeof fetch
  /** How long one check may take in all, every node asked included (ms, default 8 000). */
  timeoutMs?: number
  /** Aborts the check (it is no longer wanted). */
  signal?: AbortSignal
  /** The chain's public-key prefix (default `STM`, Hive mainnet's): keys with another prefix do not match. */
  addressPrefix?: string
  /** The chain id transaction signatures cover (default HIVE_CHAIN_ID, mainnet's; the devkit node uses it too). */
  chainId?: string
}

/** A node's JSON-RPC answer: a result, or an error message. */
export type RpcAnswer = { result: unknown } | { error: { message: string } }

/** The largest JSON-RPC answer read from a node (bytes): a node streaming junk is cut off here. */
export const MAX_RPC_BODY_BYTES = 1024 * 1024

/**
 * Calls one JSON-RPC method on one node; rejects when it is down, aborted, too large or not JSON-RPC. A request that
 * fails before any answer is sent once more: a kept-alive connection the node closed while idle fails that way, and
 * the methods the kit calls only read.
 */
export async function callNode(
  node: string,
  method: string,
  params: unknown,
  doFetch: typeof fetch,
  signal: AbortSignal,
  maxBytes = MAX_RPC_BODY_BYTES,
): Promise<RpcAnswer> {
  const request = () =>
    doFetch(node, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
      signal,
    })
  const response = await request().catch((error: unknown) => {
    if (signal.aborted) throw error
    return request()
  })
  const body: unknown = JSON.parse(await readCapped(response, signal, maxBytes))
  if (isRecord(body) && 'result' in body) return { result: body.result } // parsed JSON: a present key is never undefined
  if (isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string') return { error: { message: body.error.message } }
  throw new Error('not a JSON-RPC answer')
}

/** The body as text, read at most `maxBytes` far, and no further once `signal` aborts. */
async function readCapped(response: Response, signal: AbortSignal, maxBytes: number): Promise<string> {
  // Stryker disable next-line ConditionalExpression: an early refusal; the capped read below refuses the same answers
  if (Number(response.headers.get('content-length')) > maxBytes) throw new Error('answer too large')
  if (!response.body) {
    const text = await response.text()
    if (text.length > maxBytes) throw new Error('answer too large')
    return text
  }
  const reader = response.body.getReader()
  const stop = () => void reader.cancel().catch(() => {})
  signal.addEventListener('abort', stop)
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      size += value.byteLength
      if (size > maxBytes) {
        stop()
        throw new Error('answer too large')
      }
      chunks.push(value)
    }
  } finally {
    signal.removeEventListener('abort', stop)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return new TextDecoder().decode(bytes)
}
