import { HasConnectionError } from '../errors/HasConnectionError.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { canonicalJson } from '../protocol/canonicalJson.js'
import { callNode, type ChainOptions, DEFAULT_HIVE_NODES, type RpcAnswer } from './rpc.js'

/** What the nodes said: one answer two of them agree on (or the only node's), or two answers that differ. */
export type Quorum<T> = { agreed: T } | { disagreed: readonly string[] }

/** The default time a whole check may take, every node included (ms). */
export const DEFAULT_CHECK_TIMEOUT_MS = 8000
/** A node this slow to answer is not waited for alone: the next one is asked too (ms). */
const HEDGE_MS = 500

/**
 * Asks the nodes one JSON-RPC method and believes an answer only when two nodes agree on it (a single configured node
 * is trusted). `read` keeps what the caller relies on from an answer, or undefined for junk (which counts as no
 * answer). Nodes are asked in parallel, one more than needed; the next is asked whenever one fails, and whenever
 * HEDGE_MS pass without an agreement (so hung nodes never hold the slots); everything ends by one overall deadline. Two differing answers are a disagreement (the caller fails closed); too few answers
 * are a HasConnectionError. Never a guess.
 */
export function askNodes<T>(method: string, params: unknown, options: ChainOptions, read: (answer: RpcAnswer) => T | undefined): Promise<Quorum<T>> {
  const nodes = [...new Set(options.nodes ?? DEFAULT_HIVE_NODES)]
  if (nodes.length === 0) return Promise.reject(new HasInvalidArgumentError('At least one Hive API node is needed.'))
  const doFetch = options.fetch ?? globalThis.fetch
  const need = Math.min(2, nodes.length)
  const controller = new AbortController()
  const stop = () => controller.abort()
  options.signal?.addEventListener('abort', stop)
  if (options.signal?.aborted) stop()

  return new Promise<Quorum<T>>((resolve, reject) => {
    const answers = new Map<string, { node: string; value: T }>()
    const problems: string[] = []
    let next = 0
    let running = 0
    let done = false
    let hedge: ReturnType<typeof setTimeout> | undefined
    const finish = (outcome: () => void) => {
      if (done) return
      done = true
      clearTimeout(timer)
      clearTimeout(hedge)
      options.signal?.removeEventListener('abort', stop)
      controller.abort()
      outcome()
    }
    const timer = setTimeout(
      () => finish(() => reject(new HasConnectionError('The Hive API nodes did not answer in time.', { details: problems.join('; ') }))),
      options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS,
    )
    controller.signal.addEventListener('abort', () =>
      finish(() => reject(new HasConnectionError('The check was aborted.', { details: problems.join('; ') }))),
    )

    const settleIfStuck = () => {
      if (running > 0 || next < nodes.length) return
      const answered = [...answers.values()].length
      const why = answered === 1 ? `only 1 of ${nodes.length} nodes answered; 2 must agree` : 'no node answered'
      finish(() => reject(new HasConnectionError('Not enough Hive API nodes answered.', { details: [why, ...problems].join('; ') })))
    }
    const launch = () => {
      while (!done && next < nodes.length && running < need + 1 - answers.size) ask(nodes[next++]!)
      settleIfStuck()
    }
    const hedgeLater = () => {
      clearTimeout(hedge)
      hedge = setTimeout(() => {
        if (done || next >= nodes.length) return
        ask(nodes[next++]!)
        hedgeLater()
      }, HEDGE_MS)
    }
    const ask = (node: string) => {
      running++
      callNode(node, method, params, doFetch, controller.signal)
        .then((answer) => {
          const value = read(answer)
          if (value === undefined) throw new Error('an answer this check cannot use')
          const key = canonicalJson(value)
          if (answers.has(key) || need === 1) return finish(() => resolve({ agreed: value }))
          if (answers.size > 0) return finish(() => resolve({ disagreed: [...[...answers.values()].map((a) => a.node), node] }))
          answers.set(key, { node, value })
        })
        .catch((error: unknown) => void problems.push(`${node}: ${error instanceof Error ? error.message.slice(0, 80) : 'failed'}`))
        .finally(() => {
          running--
          launch()
        })
    }
    launch()
    hedgeLater()
  })
}
