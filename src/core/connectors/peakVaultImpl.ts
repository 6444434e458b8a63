import type { SignResult } from '../actions/sign.js'
import { HasCancelledError } from '../errors/HasCancelledError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasRejectedError } from '../errors/HasRejectedError.js'
import type { KeyType } from '../protocol/constants.js'
import { isRecord } from '../protocol/parseFrame.js'
import { quoted } from '../protocol/untrustedText.js'
import type { ConnectorContext, ConnectorImpl, LoginSignature } from './HiveConnector.js'
import type { FoundWallet } from './injectedWallet.js'
import { broadcastOutcome, cannotOnlySign, readSignature, untilSettled, walletTurn } from './walletCalls.js'

/** Peak Vault's page API, as its consumers call it (aioha, Ecency): promises that resolve `{ success, result }`. */
interface PeakVaultApi {
  requestSignBuffer(account: string, keyRole: KeyType, message: string, displayMessage?: string): Promise<unknown>
  requestBroadcast(account: string, operations: unknown[], keyRole: KeyType, displayMessage?: string): Promise<unknown>
  /** Signs a transaction without broadcasting it (`result`: the signed transaction). */
  requestSignTx?(account: string, tx: Record<string, unknown>, keyRole: KeyType): Promise<unknown>
  /** Decodes a memo (`#…`) with the account's key of `keyRole` (as its consumers call it: `result` the text). */
  requestDecode?(account: string, message: string, keyRole: KeyType): Promise<unknown>
}

/** Words of a refusal by the user in Peak Vault's error codes (not documented: matched loosely, the rest is a failure). */
const REFUSAL = /cancel|reject|denied|declin/i

/**
 * Peak Vault's code: one request at a time across this origin's tabs, each bounded by the request's deadline, its
 * answers and refusals turned into the kit's outcomes. Its error codes are not published: a refusal is recognised by
 * its words, anything else is a failure quoting Peak Vault.
 */
export function createPeakVaultImpl({ name, rdns, api }: FoundWallet): ConnectorImpl {
  async function call(ctx: ConnectorContext, keyType: KeyType, invoke: (vault: PeakVaultApi) => Promise<unknown>): Promise<Record<string, unknown>> {
    return walletTurn(rdns, ctx.signal, async () => {
      const vault = api() as unknown as PeakVaultApi | undefined
      if (!vault) throw new HasFailedError('wallet', `${name} is not installed in this browser.`, { reason: 'not_installed' })
      ctx.waiting()
      const answer = await untilSettled(ctx.signal, () => invoke(vault)).catch((refusal: unknown) => {
        throw refusal instanceof HasCancelledError ? refusal : failure(name, refusal, keyType)
      })
      if (!isRecord(answer) || answer.success !== true) throw failure(name, answer, keyType)
      return answer
    })
  }

  async function signText(ctx: ConnectorContext, account: string, message: string, keyType: KeyType): Promise<LoginSignature> {
    const { result, publicKey } = await call(ctx, keyType, (vault) => vault.requestSignBuffer(account, keyType, message, ctx.app.name))
    return readSignature(name, result, publicKey)
  }

  return {
    login: (ctx, { account, message, keyType }) => signText(ctx, account, message, keyType),
    challenge: (ctx, session, { keyType, message }) => signText(ctx, session.account, message, keyType),
    async decrypt(ctx, session, { keyType, message }): Promise<string> {
      const { result } = await call(ctx, keyType, (vault) =>
        vault.requestDecode ? vault.requestDecode(session.account, message, keyType) : Promise.reject(new Error(`${name} cannot decrypt memos.`)),
      )
      if (typeof result !== 'string') throw new HasProtocolError(`${name} sent a memo this kit cannot read.`, { retryable: true })
      return result.startsWith('#') ? result.slice(1) : result
    },
    async signTransaction(ctx, session, { keyType, tx }): Promise<unknown> {
      const { result } = await call(ctx, keyType, (vault) =>
        vault.requestSignTx ? vault.requestSignTx(session.account, tx, keyType) : Promise.reject(new Error(`${name} cannot only sign.`)),
      )
      return result
    },
    async sign(ctx, session, { keyType, ops, broadcast }): Promise<SignResult> {
      if (!broadcast) throw cannotOnlySign(name)
      const answer = await call(ctx, keyType, (vault) => vault.requestBroadcast(session.account, ops, keyType))
      return broadcastOutcome(isRecord(answer.result) ? answer.result.tx_id : undefined)
    },
  }
}

/** What a refusal or an unsuccessful answer means: the user said no, or Peak Vault failed (its words quoted). */
function failure(name: string, answer: unknown, keyType: KeyType): Error {
  const record = isRecord(answer) ? answer : {}
  const said = quoted('wallet', typeof record.message === 'string' ? record.message : String(record.error ?? ''))
  const code = typeof record.error === 'string' ? record.error : ''
  if (REFUSAL.test(code) || (code === '' && typeof record.message === 'string' && REFUSAL.test(record.message))) {
    return new HasRejectedError(false, { keyType, ...said })
  }
  return new HasFailedError('wallet', `${name} reported an error.`, said)
}
