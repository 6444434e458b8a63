import type { SignResult } from '../actions/sign.js'
import { wireChallenge } from '../crypto/challengeSpelling.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { HasRejectedError } from '../errors/HasRejectedError.js'
import { isRecord } from '../protocol/parseFrame.js'
import { quoted } from '../protocol/untrustedText.js'
import type { ConnectorContext, ConnectorImpl, LoginSignature } from './HiveConnector.js'
import type { KeychainLikeApi } from './injectedProvider.js'
import type { FoundWallet } from './injectedWallet.js'
import { broadcastOutcome, cannotOnlySign, readSignature, untilSettled, walletTurn } from './walletCalls.js'

/** How long the handshake that wakes the extension may take before it counts as not answering (ms). */
export const HANDSHAKE_MS = 3000
const ROLES = { posting: 'Posting', active: 'Active', memo: 'Memo' } as const

type Answer = Record<string, unknown>

/**
 * The code of a wallet with Hive Keychain's page API (Keychain, Keychain Mobile's browser, Hive Keeper). Every call
 * waits its turn across this origin's tabs (Keychain answers only its latest request and orphans the others), wakes the
 * extension with a handshake first (an idle extension worker may never call back), and turns each answer into the
 * kit's outcome: approved, refused, failed, or no answer by the request's deadline.
 */
export function createKeychainImpl({ name, rdns, api: findApi }: FoundWallet): ConnectorImpl {
  // Keychain Mobile's browser signs a text by pasting it into JavaScript source: a line break never parses there, so a
  // message that is not plain ASCII goes as its Buffer-JSON envelope, which it signs over the message's own bytes.
  const inApp = () => (globalThis as { ReactNativeWebView?: unknown }).ReactNativeWebView !== undefined
  const spell = (message: string) => (inApp() ? wireChallenge(message) : message)

  async function call(
    ctx: ConnectorContext,
    keyType: keyof typeof ROLES,
    invoke: (wallet: KeychainLikeApi, done: (answer: unknown) => void) => void,
  ): Promise<Answer> {
    return walletTurn(rdns, ctx.signal, async () => {
      const api = findApi()
      if (!api) throw new HasFailedError('wallet', `${name} is not installed in this browser.`, { reason: 'not_installed' })
      await handshake(api, ctx.signal, name)
      ctx.waiting()
      return read(await untilAnswered(ctx.signal, (done) => invoke(api, done)), name, keyType)
    })
  }

  async function signText(ctx: ConnectorContext, account: string, message: string, role: keyof typeof ROLES): Promise<LoginSignature> {
    const answer = await call(ctx, role, (wallet, done) =>
      wallet.requestSignBuffer(account, spell(message), ROLES[role], done, undefined, ctx.app.name),
    )
    return readSignature(name, answer.result, answer.publicKey)
  }

  return {
    login: (ctx, { account, message, keyType }) => signText(ctx, account, message, keyType),
    challenge: (ctx, session, { keyType, message }) => signText(ctx, session.account, message, keyType),
    async decrypt(ctx, session, { keyType, message }): Promise<string> {
      const answer = await call(ctx, keyType, (wallet, done) => {
        if (!wallet.requestVerifyKey) return done({ success: false, error: 'unsupported', message: `${name} cannot decrypt memos.` })
        wallet.requestVerifyKey(session.account, message, ROLES[keyType], done)
      })
      if (typeof answer.result !== 'string') throw new HasProtocolError(`${name} sent a memo this kit cannot read.`, { retryable: true })
      return answer.result.startsWith('#') ? answer.result.slice(1) : answer.result
    },
    async signTransaction(ctx, session, { keyType, tx }): Promise<unknown> {
      const answer = await call(ctx, keyType, (wallet, done) => {
        if (!wallet.requestSignTx) return done({ success: false, error: 'unsupported', message: `${name} cannot only sign.` })
        wallet.requestSignTx(session.account, tx, ROLES[keyType], done)
      })
      return answer.result
    },
    async sign(ctx, session, { keyType, ops, broadcast }): Promise<SignResult> {
      if (!broadcast) throw cannotOnlySign(name)
      const answer = await call(ctx, keyType, (wallet, done) => wallet.requestBroadcast(session.account, ops, ROLES[keyType], done))
      const result = isRecord(answer.result) ? answer.result : {}
      return broadcastOutcome(typeof result.tx_id === 'string' ? result.tx_id : result.id)
    },
  }
}

/** An answer in Keychain's shape, or the outcome its error means. */
function read(answer: unknown, name: string, keyType: keyof typeof ROLES): Answer {
  if (!isRecord(answer)) throw new HasProtocolError(`${name} sent an answer this kit cannot read.`, { retryable: true })
  if (answer.success === true) return answer
  const said = quoted('wallet', answer.message)
  switch (answer.error) {
    case 'user_cancel':
      // Keychain says "canceled by the user" also for an account or key it does not hold (after the user closes its error).
      throw new HasRejectedError(false, { reason: 'declined_or_missing_key', keyType, ...said })
    case 'ignored':
      throw new HasFailedError('wallet', `A newer request replaced this one in ${name}.`, { reason: 'superseded', ...said })
    case 'incomplete':
      throw new HasFailedError('wallet', `${name} refused the request as malformed.`, { reason: 'invalid', retryable: false, ...said })
    default:
      throw new HasFailedError('wallet', `${name} reported an error.`, said.details ? said : quoted('wallet', JSON.stringify(answer.error ?? null)))
  }
}

/** Keychain's callback API as a promise, which a cancel or expiry stops waiting for. */
function untilAnswered(signal: AbortSignal, start: (done: (answer: unknown) => void) => void): Promise<unknown> {
  return untilSettled(signal, () => new Promise((resolve) => start(resolve)))
}

/** Wakes the extension: its handshake calls back with no argument; none within HANDSHAKE_MS means it does not answer. */
async function handshake(wallet: KeychainLikeApi, signal: AbortSignal, name: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new HasFailedError('wallet', `${name} does not answer: reload the page, or click its icon to wake it.`, { reason: 'not_installed' })),
      HANDSHAKE_MS,
    )
  })
  try {
    await Promise.race([untilAnswered(signal, (done) => wallet.requestHandshake(() => done(undefined))), silent])
  } finally {
    clearTimeout(timer)
  }
}
