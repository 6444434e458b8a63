import { HasConnectionError } from '../errors/HasConnectionError.js'
import { isRecord } from '../protocol/parseFrame.js'

/** Public Hive API nodes, tried in this order (each is skipped when down, slow, or answering junk). */
export const DEFAULT_HIVE_NODES: readonly string[] = [
  'https://api.hive.blog',
  'https://api.deathwing.me',
  'https://hive-api.arcange.eu',
  'https://api.openhive.network',
]

/** How to reach Hive API nodes. */
export interface ChainOptions {
  /** API nodes to try in order (default: DEFAULT_HIVE_NODES). */
  nodes?: readonly string[]
  /** A fetch implementation (default: the global one): a server's, or the devkit's in-memory node. */
  fetch?: typeof fetch
  /** How long one node may take (ms, default 5 000). */
  timeoutMs?: number
  /** Aborts the calls (the check is no longer wanted). */
  signal?: AbortSignal
}

/** A node's JSON-RPC answer: a result, or an error the caller accepts as an answer (such as an unknown transaction). */
export type RpcAnswer = { result: unknown } | { error: { message: string } }

/**
 * Calls a JSON-RPC method on the first node that answers properly. A node that is down, slow, or answers with anything
 * but a JSON-RPC response (a result `accept.result` refuses, an error `accept.error` does not accept) is skipped; when
 * none answers, HasConnectionError (never a guess).
 */
export async function callHive(
  method: string,
  params: unknown,
  options: ChainOptions = {},
  accept: { result?: (result: unknown) => boolean; error?: (message: string) => boolean } = {},
): Promise<RpcAnswer> {
  const nodes = options.nodes ?? DEFAULT_HIVE_NODES
  const doFetch = options.fetch ?? globalThis.fetch
  const problems: string[] = []
  for (const node of nodes) {
    if (options.signal?.aborted) break
    const controller = new AbortController()
    const abort = () => controller.abort()
    options.signal?.addEventListener('abort', abort)
    // The timeout holds even against a fetch that ignores its signal.
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort()
        reject(new Error('timed out'))
      }, options.timeoutMs ?? 5000)
    })
    try {
      const body: unknown = await Promise.race([
        doFetch(node, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ jsonrpc: '2.0', method, params, id: 1 }),
          signal: controller.signal,
        }).then((response) => response.json()),
        timedOut,
      ])
      if (isRecord(body) && 'result' in body && body.result !== undefined && (accept.result?.(body.result) ?? true)) return { result: body.result }
      const message = isRecord(body) && isRecord(body.error) && typeof body.error.message === 'string' ? body.error.message : undefined
      if (message !== undefined && accept.error?.(message)) return { error: { message } }
      problems.push(`${node}: ${message === undefined ? 'not a JSON-RPC answer' : `error "${message.slice(0, 80)}"`}`)
    } catch (error) {
      problems.push(`${node}: ${controller.signal.aborted ? 'timed out' : error instanceof Error ? error.message : 'failed'}`)
    } finally {
      clearTimeout(timer)
      options.signal?.removeEventListener('abort', abort)
    }
  }
  throw new HasConnectionError('No Hive API node answered.', { details: problems.join('; ') })
}
