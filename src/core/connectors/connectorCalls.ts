import type { AuthenticateParameters } from '../actions/authenticate.js'
import type { ChallengeParameters } from '../actions/challenge.js'
import type { SignParameters } from '../actions/sign.js'
import { defaultLoginMessage } from '../chain/defaultLoginMessage.js'
import type { ChainOptions } from '../chain/rpc.js'
import { randomUuid } from '../crypto/randomUuid.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasInvalidArgumentError } from '../errors/HasInvalidArgumentError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import type { KeyType } from '../protocol/constants.js'
import type { RequestKind } from '../protocol/messages.js'
import type { RequestSpec } from '../request/RequestSpec.js'
import { signatureMatches } from '../request/signatureMatches.js'
import type { HasApp, HasSession } from '../types.js'
import type { ConnectorContext, ConnectorImpl, HiveConnector, LoginSignature } from './HiveConnector.js'
import { closePrepared } from './preparedWindow.js'
import { signOnly } from './signOnly.js'

// What a request through a connector (a wallet besides HiveAuth) does, loaded on its first use: an app with HiveAuth
// alone never downloads it. The client makes the request in the click (createHasClient's viaConnector), connectorSpec
// says how the runner follows it, and startConnector runs it through here.

/** How long a session of a wallet other than HiveAuth lasts (ms): as long as a HiveAuth session by default. */
export const WALLET_SESSION_MS = 24 * 3600_000
/** The longest a wallet's own credential (HiveSigner's token, 7 days) keeps a session (ms). */
const MAX_TOKEN_SESSION_MS = 7 * 24 * 3600_000

/** What a connector's request resolves with, and the check a login must pass before it counts (verified logins). */
export interface ConnectorOutcome {
  value: unknown
  check?: RequestSpec<unknown>['verify']
}

/** Everything a connector's request needs of the client and the action. */
export interface ConnectorCall {
  kind: RequestKind
  connector: HiveConnector
  account: string
  params: AuthenticateParameters | SignParameters | ChallengeParameters
  session: HasSession | undefined
  /** Your dApp (some wallets show its name as the request's title), and the nodes the client reads the chain from. */
  client: { app: HasApp; chain: ChainOptions | undefined }
  /** What the connector's `prepare()` returned in the user's click (a login's window). */
  prepared?: unknown
}

/** Runs a login, a transaction or a challenge in the connector's wallet. */
export async function runConnectorCall(call: ConnectorCall, ctx: ConnectorContext): Promise<ConnectorOutcome> {
  const { connector, session } = call
  if (call.kind === 'auth') return login(call, ctx)
  if (!session) throw new HasInvalidArgumentError('A session is needed.')
  const impl = await connector.load()
  if (call.kind === 'sign') {
    const { keyType, ops, broadcast = true } = call.params as SignParameters
    if (!Array.isArray(ops) || ops.length === 0) throw new HasInvalidArgumentError('Nothing to sign: ops is empty.')
    if (broadcast || !signsOnly(impl)) return { value: await impl.sign(ctx, session, { keyType, ops, broadcast }) }
    return { value: await signOnly(connector, impl, ctx, session, { keyType, ops, chain: call.client.chain }) }
  }
  const { keyType, message, decrypt } = call.params as ChallengeParameters
  if (decrypt) {
    if (!impl.decrypt) throw new HasFailedError('wallet', `${connector.name} cannot decrypt memos.`, { reason: 'unsupported', retryable: false })
    return { value: { text: await impl.decrypt(ctx, session, { keyType, message }) } }
  }
  const answer = await checked(connector.name, message, await impl.challenge(ctx, session, { keyType, message }))
  return { value: { pubkey: answer.publicKey, signature: answer.signature } }
}

/** Whether a wallet's code signs without broadcasting (called as its method: a class's `this` stays). */
const signsOnly = (impl: ConnectorImpl): impl is ConnectorImpl & Required<Pick<ConnectorImpl, 'signTransaction'>> =>
  typeof impl.signTransaction === 'function'

/** A login: the wallet signs a Sign in with Hive message for this page (or your challenge); the session names its wallet. */
async function login(call: ConnectorCall, ctx: ConnectorContext): Promise<ConnectorOutcome> {
  const { connector, account } = call
  const { chain } = call.client
  const params = call.params as AuthenticateParameters
  if (connector.features.login !== 'hive:secp256k1-sha256' && (params.verify || params.verifyLogin)) {
    closePrepared(call.prepared)
    throw new HasFailedError('wallet', `${connector.name} cannot prove a login to this site: it signs no Sign in with Hive message.`, {
      reason: 'unsupported',
      retryable: false,
    })
  }
  const keyType: KeyType = params.challenge?.keyType ?? 'posting'
  const message = params.challenge?.message ?? defaultLoginMessage(ctx.app.name, account)
  const impl = await connector.load()
  const answer = await impl.login({ ...ctx, prepared: call.prepared }, { account, message, keyType })
  // A wallet that signs a text of its own (HiveSigner's token) is checked over that text, and its role is not known.
  const { publicKey, signature, signed } = await checked(connector.name, answer.signed?.message ?? message, answer)
  const session: HasSession = {
    account,
    key: randomUuid(), // an id (what logout and tabs key on), not a secret: no auth_key exists outside HiveAuth
    expire: signed ? Math.min(signed.expire, Date.now() + MAX_TOKEN_SESSION_MS) : Date.now() + WALLET_SESSION_MS,
    host: '',
    connector: connector.id,
    challenge: signed ? { message: signed.message, pubkey: publicKey, signature } : { keyType, message, pubkey: publicKey, signature },
  }
  if (signed) session.token = signed.token
  const onChain = params.verify ? { keyType, chain } : undefined
  const server = params.verifyLogin
  if (!onChain && !server) return { value: session }
  const check: ConnectorOutcome['check'] = (value, signal) =>
    import('../requestBuilders/loginChecks.js').then((checks) => checks.checkLogin(value as HasSession, { onChain, server }, signal))
  return { value: session, check }
}

/** A signature that does not recover to the key the wallet named, over the message sent, is no answer. */
async function checked(name: string, message: string, answer: LoginSignature): Promise<LoginSignature> {
  if (await signatureMatches(message, answer.publicKey, answer.signature)) return answer
  throw new HasProtocolError(`${name} sent a signature of another message or key.`, { retryable: true })
}
