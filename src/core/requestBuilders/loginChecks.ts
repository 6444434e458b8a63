import type { AuthenticateParameters, LoginVerdict } from '../actions/authenticate.js'
import type { ChainOptions } from '../chain/rpc.js'
import { HasConnectionError } from '../errors/HasConnectionError.js'
import { HasError } from '../errors/HasError.js'
import type { HasErrorType } from '../errors/HasErrorType.js'
import { HasVerificationError, type HasVerificationReason } from '../errors/HasVerificationError.js'
import { quoted } from '../protocol/untrustedText.js'
import type { KeyType } from '../protocol/constants.js'
import type { HasSession } from '../types.js'
import '../firstLoadShared.js'

// The checks of a verified login, loaded on first use: a dApp whose logins are never verified never downloads them.

/** What to check of a login: its key on chain, and your server's verdict. */
export interface LoginChecks {
  onChain?: { keyType: KeyType; chain: ChainOptions | undefined }
  server?: AuthenticateParameters['verifyLogin']
}

/** Runs the checks, the chain's first; a login that passes them all resolves as a verified session. */
export async function checkLogin(
  session: HasSession,
  checks: LoginChecks,
  signal: AbortSignal,
): Promise<{ value: HasSession } | { error: HasErrorType }> {
  const problem =
    (checks.onChain ? await onChainProblem(session, checks.onChain.keyType, checks.onChain.chain, signal) : undefined) ??
    (checks.server ? await serverProblem(session, checks.server) : undefined)
  return problem ? { error: problem } : { value: { ...session, verified: true } }
}

/** Why the login's key does not prove the account on chain (the check loads lazily), or undefined when it does. */
async function onChainProblem(
  session: HasSession,
  keyType: KeyType,
  chain: ChainOptions | undefined,
  signal: AbortSignal,
): Promise<HasErrorType | undefined> {
  const { account, challenge } = session
  if (!challenge) return new HasVerificationError('The login carries no signature to verify.')
  try {
    const { verifyChallenge } = await import('../chain/verifyChallenge.js')
    const result = await verifyChallenge({ ...chain, account, keyType, message: challenge.message, signature: challenge.signature, signal })
    if (result.valid) return undefined
    if (result.code === 'nodes_disagree')
      return new HasVerificationError('The Hive API nodes did not agree on the account.', { details: result.reason, reason: 'nodes' })
    return new HasVerificationError(`The key that signed this login does not prove @${account} on chain.`, { details: result.reason })
  } catch (error) {
    // The nodes out of reach say nothing of the key: the login is not verified, for that reason.
    if (error instanceof HasConnectionError)
      return new HasVerificationError('The Hive API nodes could not be reached.', { cause: error, reason: 'nodes' })
    return error instanceof HasError
      ? (error as HasErrorType)
      : new HasVerificationError('The login could not be checked on chain.', { cause: error, reason: 'nodes' })
  }
}

/** Your server's verdict on the login; an exception of its own counts as a refusal. */
async function serverProblem(
  session: HasSession,
  verifyLogin: NonNullable<AuthenticateParameters['verifyLogin']>,
): Promise<HasErrorType | undefined> {
  const { account, challenge } = session
  if (!challenge) return new HasVerificationError('The login carries no signature to verify.')
  let verdict: boolean | LoginVerdict
  try {
    verdict = await verifyLogin({ account, message: challenge.message, signature: challenge.signature, publicKey: challenge.pubkey })
  } catch (cause) {
    return new HasVerificationError('Your server could not check the login.', { cause, reason: 'server' })
  }
  if (verdict === true || (typeof verdict === 'object' && verdict?.verified === true)) return undefined
  const { code, reason } = typeof verdict === 'object' && verdict ? verdict : {}
  const said = typeof reason === 'string' && reason ? quoted('server', reason) : {}
  return new HasVerificationError(`Your server did not accept the login${typeof code === 'string' ? ` (${code.slice(0, 40)})` : ''}.`, {
    ...said,
    reason: reasonOfServerCode(code),
  })
}

/** What a server's refusal code says stood in the way: the key, the nodes, or the server's own rules. */
function reasonOfServerCode(code: unknown): HasVerificationReason {
  if (code === 'key_not_authorized' || code === 'unknown_account' || code === 'malformed_signature') return 'key'
  if (code === 'nodes_disagree' || code === 'nodes_unreachable' || code === 'busy') return 'nodes'
  return 'server'
}
