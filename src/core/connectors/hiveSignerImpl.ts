import type { SignResult } from '../actions/sign.js'
import { HasCancelledError } from '../errors/HasCancelledError.js'
import { HasFailedError } from '../errors/HasFailedError.js'
import { HasProtocolError } from '../errors/HasProtocolError.js'
import { isRecord } from '../protocol/parseFrame.js'
import { quoted } from '../protocol/untrustedText.js'
import type { ConnectorContext, ConnectorImpl, LoginSignature } from './HiveConnector.js'
import type { HiveSignerOptions } from './hiveSigner.js'
import { HIVESIGNER_CHANNEL, type HiveSignerCallback } from './hiveSignerCallback.js'
import { readHiveSignerToken } from './hiveSignerToken.js'
import { broadcastOutcome } from './walletCalls.js'

/** The operations HiveSigner's API broadcasts for an app (its config.json); anything else needs its sign page. */
const API_OPERATIONS = new Set(['vote', 'comment', 'delete_comment', 'comment_options', 'custom_json', 'claim_reward_balance', 'account_update2'])
const NAME = 'HiveSigner'

interface WindowLike {
  closed?: boolean
  close(): void
  location: { href: string }
}

/**
 * HiveSigner's code: the login in its window (the answer comes back through the callback page on a BroadcastChannel,
 * matched by a random `state`), the token read and its signature's key recovered; broadcasts through its API.
 */
export function createHiveSignerImpl(options: HiveSignerOptions): ConnectorImpl {
  const base = (options.baseUrl ?? 'https://hivesigner.com').replace(/\/+$/, '')
  const api = (options.apiUrl ?? base).replace(/\/+$/, '')

  async function login(ctx: ConnectorContext, account: string): Promise<LoginSignature> {
    const state = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('')
    const query = new URLSearchParams({
      client_id: options.app,
      redirect_uri: options.callbackUrl,
      scope: (options.scope ?? ['login']).join(','),
      state,
    })
    const url = `${base}/oauth2/authorize?${query}`
    const answer = listen(ctx.signal, state) // before the window opens: a quick answer must not be missed
    const popup =
      (ctx.prepared as WindowLike | undefined) ?? (globalThis.open?.(url, 'hivesigner', 'popup,width=480,height=720') as WindowLike | null)
    if (!popup) {
      answer.stop()
      throw new HasFailedError('wallet', `The browser blocked ${NAME}'s window.`, { reason: 'blocked' })
    }
    if (ctx.prepared) popup.location.href = url
    ctx.waiting()
    let callback: HiveSignerCallback
    try {
      callback = await answer.promise
    } finally {
      popup.close()
    }
    if (callback.error) throw new HasFailedError('wallet', `${NAME} refused the login.`, quoted('wallet', callback.error))
    const token = readHiveSignerToken(callback.access_token)
    if (!token || token.app !== options.app) throw new HasProtocolError(`${NAME} sent a token this kit cannot read.`, { retryable: true })
    if (token.account !== account)
      throw new HasFailedError('wallet', `${NAME} logged in @${token.account.slice(0, 16)}, not @${account}.`, { reason: 'invalid', retryable: true })
    const { recoverPublicKey } = await import('../crypto/signatures.js')
    const publicKey = recoverPublicKey(token.signedText, token.signature)
    const seconds = Number(callback.expires_in)
    const expire = Date.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0)
    return { publicKey, signature: token.signature, signed: { message: token.signedText, token: callback.access_token!, expire } }
  }

  return {
    login: (ctx, { account }) => login(ctx, account),
    async challenge() {
      throw new HasFailedError('wallet', `${NAME} signs no message for an app.`, { reason: 'unsupported', retryable: false })
    },
    async sign(ctx, session, { ops, broadcast }): Promise<SignResult> {
      const other = ops.find(([name]) => !API_OPERATIONS.has(name))
      if (!broadcast || other)
        throw new HasFailedError('wallet', `${NAME}'s API broadcasts only ${[...API_OPERATIONS].join(', ')}.`, {
          reason: 'unsupported',
          retryable: false,
        })
      ctx.waiting()
      const response = await fetch(`${api}/api/broadcast`, {
        method: 'POST',
        headers: { authorization: session.token ?? '', 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ operations: ops }),
        signal: ctx.signal,
      }).catch((error: unknown) => {
        throw ctx.signal.aborted ? new HasCancelledError() : new HasFailedError('wallet', `${NAME} could not be reached.`, { cause: error })
      })
      const body: unknown = await response.json().catch(() => undefined)
      if (response.ok && isRecord(body) && isRecord(body.result)) {
        return broadcastOutcome(body.result.id)
      }
      const error = isRecord(body) ? body : {}
      const said = quoted('wallet', typeof error.error_description === 'string' ? error.error_description : String(error.error ?? response.status))
      // invalid_grant: the token is refused (expired, revoked); the app's authority missing: unauthorized_client.
      throw new HasFailedError('wallet', `${NAME} did not broadcast the transaction.`, {
        ...said,
        reason: error.error === 'server_error' ? 'chain' : 'error',
      })
    },
  }
}

/** Waits for the callback page's answer with this `state`; a cancel or expiry stops waiting. */
function listen(signal: AbortSignal, state: string): { promise: Promise<HiveSignerCallback>; stop(): void } {
  const channel = new BroadcastChannel(HIVESIGNER_CHANNEL)
  let onAbort = () => {}
  const stop = () => {
    channel.close()
    signal.removeEventListener('abort', onAbort)
  }
  const promise = new Promise<HiveSignerCallback>((resolve, reject) => {
    onAbort = () => {
      stop()
      reject(new HasCancelledError())
    }
    if (signal.aborted) return onAbort()
    signal.addEventListener('abort', onAbort)
    channel.onmessage = (event: MessageEvent<unknown>) => {
      if (!isRecord(event.data) || event.data.state !== state) return
      stop()
      resolve(event.data as unknown as HiveSignerCallback)
    }
  })
  return { promise, stop }
}
