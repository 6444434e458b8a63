import type { createChain } from '../../src/devkit/chain'

/** A fetch that asks the devkit chain, then answers each call with another memo key: nodes that disagree on the account. */
export function disagreeingNodes(chain: ReturnType<typeof createChain>): typeof fetch {
  let flip = 0
  return (async (_url: string, init: RequestInit) => {
    const answer = (await chain.fetch(chain.url, init).then((r) => r.json())) as { result: [{ memo_key: string }] }
    answer.result[0]!.memo_key = `STM${flip++}`
    return new Response(JSON.stringify(answer))
  }) as unknown as typeof fetch
}
