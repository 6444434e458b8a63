import type { ChainOptions } from '../chain/rpc.js'
import type { HiveConnector } from '../connectors/HiveConnector.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { normalizeAccountName } from '../protocol/accountName.js'
import type { RequestKind } from '../protocol/messages.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import type { HasApp, HasSession, RequestOptions } from '../types.js'

/**
 * A request through a configured connector (a wallet besides HiveAuth): the connector builds it (its code loads on
 * first use). A login has no session; a sign or challenge runs in the session's wallet.
 */
export function viaConnector<R>(
  client: { app: HasApp; chain: ChainOptions | undefined; connectors: readonly HiveConnector[] | undefined },
  kind: RequestKind,
  id: string,
  params: RequestOptions & { account: string },
  session: HasSession | undefined,
): RequestSpec<R> {
  const connector = client.connectors?.find((c) => c.id === id)
  if (!connector) throw new HasInvalidArgumentError(`No connector "${String(id).slice(0, 32)}" is configured.`)
  if (!connector.build) throw new HasInvalidArgumentError(`The connector "${connector.id}" was not made with defineConnector.`)
  const account = session?.account ?? normalizeAccountName(params.account)
  return connector.build(connector, kind, { ...params, account }, session, { app: client.app, chain: client.chain })
}
