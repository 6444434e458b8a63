/**
 * A node's URL as the quorum counts it (docs/sign-in-with-hive.md, 4.2): scheme and host lower-cased, a trailing dot of
 * the host, a default port, the fragment and a trailing `/` removed. Two spellings of one node are one node, so a liar
 * listed twice counts once. Text that is not a URL is kept as it is (asking it will fail).
 */
export function normalizeNodeUrl(node: string): string {
  let url: URL
  try {
    url = new URL(node)
  } catch {
    return node
  }
  const host = url.hostname.toLowerCase().replace(/\.$/, '') + (url.port ? `:${url.port}` : '')
  const path = url.pathname.replace(/\/+$/, '')
  const user = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : ''
  return `${url.protocol.toLowerCase()}//${user}${host}${path}${url.search}`
}

/** The configured nodes, each once (its first spelling kept, to be asked as given). */
export function distinctNodes(nodes: readonly string[]): string[] {
  const seen = new Map<string, string>()
  for (const node of nodes) if (!seen.has(normalizeNodeUrl(node))) seen.set(normalizeNodeUrl(node), node)
  return [...seen.values()]
}
