import { HasConnectionError } from '../errors/HasConnectionError.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { canonicalJson } from '../protocol/canonicalJson.js'
import { distinctNodes } from './nodeUrls.js'
import { callNode, type ChainOptions, DEFAULT_HIVE_NODES, type RpcAnswer } from './rpc.js'

/** What the nodes said: one answer two of them agree on (or the only node's), or answers that never agreed. */
export type Quorum<T> = { agreed: T } | { disagreed: readonly string[] }

/** The default time a whole check may take, every node included (ms). */
export const DEFAULT_CHECK_TIMEOUT_MS = 8000
/** A node this slow to answer is not waited for alone: the next one is asked too (ms). */
export const HEDGE_MS = 500

/**
 * Asks the nodes one JSON-RPC method and believes an answer only when two distinct nodes return it (a single configured
 * node is trusted). `read` keeps what the caller relies on from an answer, or undefined for junk (no answer). Nodes are
 * asked in parallel, one more than the agreement still needs; a failure, a junk answer, a disagreement and HEDGE_MS
 * without agreement each bring the next node in, so one bad node blocks nobody. It ends at the first agreement; when
 * the nodes run out or the deadline passes, differing answers are a disagreement (the caller fails closed) and too few
 * answers a HasConnectionError. The caller's signal stops the asking. Never a guess.
 */
export function askNodes<T>(
  method: string,
  params: unknown,
  options: ChainOptions,
  read: (answer: RpcAnswer) => T | undefined,
  maxAnswerBytes?: number,
): Promise<Quorum<T>> {
  const configured = options.nodes ?? DEFAULT_HIVE_NODES
  const nodes = distinctNodes(configured)
  if (nodes.length === 0) return Promise.reject(new HasInvalidArgumentError('At least one Hive API node is needed.'))
  const doFetch = options.fetch ?? globalThis.fetch
  // Counted as configured: two spellings of one node mean a quorum was wanted, and one node cannot agree with itself.
  const need = Math.min(2, configured.length)
  const controller = new AbortController()

  return new Promise<Quorum<T>>((resolve, reject) => {
    /** Each distinct answer (by canonical JSON) with the nodes that gave it. */
    const answers = new Map<string, { value: T; nodes: string[] }>()
    const problems: string[] = []
    let next = 0
    let running = 0
    let done = false
    let hedge: ReturnType<typeof setTimeout> | undefined
    const finish = (outcome: () => void) => {
      // Stryker disable next-line ConditionalExpression: finish runs once by construction (timer cleared, listener removed, fetches aborted); the guard is for safety
      if (done) return
      done = true
      clearTimeout(timer)
      clearTimeout(hedge)
      options.signal?.removeEventListener('abort', onAbort)
      controller.abort()
      outcome()
    }
    const details = (why?: string) => [...(why ? [why] : []), ...problems].join('; ')
    /** Out of nodes or out of time: answers that differ are a disagreement; otherwise too few nodes answered. */
    const giveUp = (timedOut: boolean) => {
      if (answers.size > 1) return finish(() => resolve({ disagreed: [...answers.values()].flatMap((a) => a.nodes) }))
      const message = timedOut ? 'The Hive API nodes did not answer in time.' : 'Not enough Hive API nodes answered.'
      const answered = [...answers.values()].reduce((sum, a) => sum + a.nodes.length, 0)
      const count = answered === 0 ? 'no node answered' : `only ${answered} of ${nodes.length} nodes answered; 2 must agree`
      finish(() => reject(new HasConnectionError(message, { details: details(count), reason: 'nodes' })))
    }
    const timer = setTimeout(() => giveUp(true), options.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS)
    const onAbort = () => finish(() => reject(new HasConnectionError('The check was aborted.', { details: details(), reason: 'nodes' })))
    options.signal?.addEventListener('abort', onAbort)

    const best = () => Math.max(0, ...[...answers.values()].map((a) => a.nodes.length))
    const launch = () => {
      while (!done && next < nodes.length && running < need - best() + 1) ask(nodes[next++]!)
      // Nothing in flight after the loop means no node is left to ask (the loop asks one whenever it can).
      if (!done && running === 0) giveUp(false)
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
      callNode(node, method, params, doFetch, controller.signal, maxAnswerBytes)
        .then((answer) => {
          const value = read(answer)
          if (value === undefined) throw new Error('an answer this check cannot use')
          const key = canonicalJson(value)
          const same = answers.get(key) ?? { value, nodes: [] }
          same.nodes.push(node)
          answers.set(key, same)
          if (same.nodes.length >= need) finish(() => resolve({ agreed: same.value }))
        })
        .catch((error: unknown) => void problems.push(`${node}: ${error instanceof Error ? error.message.slice(0, 80) : 'failed'}`))
        .finally(() => {
          running--
          launch()
        })
    }
    if (options.signal?.aborted) return onAbort()
    launch()
    hedgeLater()
  })
}
