import IsomorphicWebSocket from 'isomorphic-ws'
import { decryptPayload, decryptText } from '../core/crypto/aes.js'
import { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError.js'
import { normalizeHost } from '../core/protocol/hosts.js'
import { type AuthLinkPayload, parseAuthLink } from '../core/protocol/links.js'
import type { RequestKind } from '../core/protocol/messages.js'
import { isRecord, parseFrame, readNumber, readString } from '../core/protocol/parseFrame.js'
import type { WebSocketConstructor, WebSocketLike } from '../core/types.js'
import { accountFromSpec, proofKeyOf } from './accounts.js'
import { encodeMemo } from './memo.js'
import { PROFILES, type ProfileTraits } from './profiles.js'
import { createAnswers, type Incoming, type WalletBroadcast, type WalletRequest } from './walletAnswers.js'
import { createWalletSessions } from './walletSessions.js'
import type { Wallet, WalletOptions } from './walletTypes.js'

export type { WalletBroadcast, WalletRequest } from './walletAnswers.js'
export type { WalletSession } from './walletSessions.js'

export type { Wallet, WalletDecision, WalletOptions } from './walletTypes.js'

/** Creates a simulated wallet. Nothing connects until `connect` or `scan`. */
export function createWallet(options: WalletOptions): Wallet {
  const traits: ProfileTraits = PROFILES[options.profile ?? 'docs-v1']
  const url = normalizeHost(options.url)
  const WS = options.WebSocket ?? (IsomorphicWebSocket as unknown as WebSocketConstructor)
  const accounts = options.accounts.map(accountFromSpec)
  let decision = options.decision ?? 'approve'
  let socket: WebSocketLike | undefined
  let ready: Promise<void> | undefined
  let serverKey: string | undefined
  let closed = false
  const scanned = new Map<string, AuthLinkPayload>()
  const unmatchedAuth = new Map<string, Record<string, unknown> & { cmd: string }>()
  const manual = new Map<string, Incoming>()
  const sessions = createWalletSessions()
  const broadcasts: WalletBroadcast[] = []
  const timers = new Set<ReturnType<typeof setTimeout>>()

  const accountOf = (name: string) => accounts.find((a) => a.name === name)
  const send = (message: Record<string, unknown>) => socket?.readyState === 1 && socket.send(JSON.stringify(message))
  const answers = createAnswers({
    traits,
    send,
    account: (name) => accountOf(name)!,
    serverKey: () => serverKey,
    sessionMs: options.sessionMs ?? 24 * 3600 * 1000,
    chain: options.chain,
    grant: (session) => {
      sessions.add(session)
      options.onChange?.()
    },
    broadcast: (tx) => {
      broadcasts.push(tx)
      options.onChange?.()
    },
  })

  function later(fn: () => void, delay = options.replyDelayMs ?? 0) {
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!closed) fn()
    }, delay)
    timers.add(timer)
  }

  function connect(): Promise<void> {
    if (ready) return ready
    ready = new Promise<void>((resolve, reject) => {
      const ws = new WS(url)
      socket = ws
      const waiting = new Set(accounts.map((a) => a.name))
      ws.onerror = () => {}
      ws.onopen = () => traits.keyReqOnOpen && send({ cmd: 'key_req' })
      ws.onclose = () => {
        if (socket === ws) socket = undefined
        ready = undefined
        reject(new Error(`The wallet lost its connection to ${url}`))
        if (!closed) later(() => void connect().catch(() => {}), 1000) // like the PKSAs: retry after 1 s
      }
      ws.onmessage = (event) => {
        const frame = parseFrame(event.data)
        if (!frame) return
        if (frame.cmd === 'connected' && !traits.keyReqOnOpen) return send({ cmd: 'key_req' })
        if (frame.cmd === 'key_ack') {
          serverKey = readString(frame.key)
          return send(registerMessage())
        }
        if (frame.cmd === 'register_ack') {
          waiting.delete(String(frame.account))
          if (waiting.size === 0) resolve()
          return
        }
        if (frame.cmd === 'auth_req' || frame.cmd === 'sign_req' || frame.cmd === 'challenge_req') onRequest(frame)
      }
    })
    return ready
  }

  /** v1: `{ name, pok }`; v0.8 (Keychain): `{ name, key_type, challenge }`. Both a memo of the time to the relay's key. */
  function registerMessage() {
    const list = accounts.map((account) => {
      const key = proofKeyOf(account)
      const proof =
        serverKey && key ? encodeMemo(key, serverKey, `${traits.registerFormat === 'v1' ? traits.pokHashes : '#'}${Date.now()}`) : undefined
      if (traits.registerFormat === 'v1') return { name: account.name, pok: proof }
      const keyType = account.keys.memo ? 'memo' : account.keys.posting ? 'posting' : 'active'
      return { name: account.name, key_type: keyType, challenge: proof }
    })
    return { cmd: 'register_req', app: 'hive-auth-devkit', accounts: list }
  }

  function onRequest(frame: Record<string, unknown> & { cmd: string }) {
    const account = readString(frame.account)
    const uuid = readString(frame.uuid)
    const expire = readNumber(frame.expire)
    const data = readString(frame.data)
    if (!account || !uuid || !expire || !data || !accountOf(account) || expire <= Date.now()) return
    const kind = frame.cmd.slice(0, frame.cmd.indexOf('_')) as RequestKind
    if (traits.announcesWait.includes(kind)) send({ cmd: `${kind}_wait` })
    if (kind === 'auth') return onAuthRequest(frame, { kind, uuid, account, expire }, data)
    const token = readString(frame.token)
    const found = traits.sessionLookup === 'token' ? tokenSession(account, token, data) : sessions.probe(account, data) // Keychain: "not connected through HAS"
    if (!found) return
    const request: Incoming = { info: { kind, uuid, account, expire }, key: found.session.key, payload: found.payload }
    const nonce = readNumber(found.payload.nonce) ?? (traits.missingNonce === 'make-up' ? sessions.nextNonce(request.key) : undefined)
    if ((kind === 'sign' || traits.checksChallengeNonce) && !sessions.acceptNonce(request.key, nonce, traits.nonce)) {
      if (traits.nonce === 'strict') send({ cmd: 'error', error: 'invalid (nonce)' })
      return
    }
    request.info.keyType = readString(found.payload.key_type)
    if (kind === 'sign') {
      request.info.ops = Array.isArray(found.payload.ops) ? found.payload.ops : undefined
      if (request.info.keyType === 'active' && !traits.signsWithActive && decision !== 'reject') return
    } else request.info.challenge = readString(found.payload.challenge)
    decide(request)
  }

  function tokenSession(account: string, token: string | undefined, data: string) {
    const session = sessions.byToken(account, token)
    const payload = session ? tryJson(data, session.key) : undefined
    return session && payload ? { session, payload } : undefined
  }

  function onAuthRequest(frame: Record<string, unknown> & { cmd: string }, info: WalletRequest, data: string) {
    let key = scanned.get(info.uuid)?.key
    const wrapped = readString(frame.auth_key)
    if (!key && wrapped && options.secret) key = tryText(wrapped, options.secret)
    const renewing = !key && traits.renewsByToken ? sessions.byToken(info.account, readString(frame.token)) : undefined
    if (renewing) key = renewing.key
    // v1 re-authentication finds the key by trying the account's stored keys; only for a request that re-authenticates
    // (a token, or service mode), so a fresh login never pays for every stored session.
    const reauth = traits.sessionLookup === 'key' && (options.secret || readString(frame.token))
    if (!key && reauth) key = sessions.probe(info.account, data)?.session.key
    if (!key) return void unmatchedAuth.set(info.uuid, frame) // wait for the QR code to be scanned
    const payload = tryJson(data, key)
    const app = payload && isRecord(payload.app) ? readString(payload.app.name) : undefined
    if (!payload || !app) return
    const challenge = isRecord(payload.challenge) ? readString(payload.challenge.challenge) : undefined
    const request: Incoming = { info: { ...info, app, challenge }, key, payload, renewing }
    // Keychain answers a known token at once, without a prompt.
    if (renewing && decision === 'manual') return later(() => answers.approve(request))
    decide(request)
  }

  function decide(request: Incoming) {
    if (decision === 'ignore') return
    if (decision === 'manual') {
      manual.set(request.info.uuid, request)
      later(() => manual.delete(request.info.uuid) && options.onChange?.(), Math.max(0, request.info.expire - Date.now()))
      options.onChange?.()
      return
    }
    later(() =>
      decision === 'error'
        ? answers.fail(request, 'Simulated wallet error')
        : decision === 'reject'
          ? answers.refuse(request)
          : answers.approve(request),
    )
  }

  function answerManually(uuid: string, approved: boolean) {
    const request = manual.get(uuid)
    if (!request) return
    manual.delete(uuid)
    if (approved) answers.approve(request)
    else answers.refuse(request)
    options.onChange?.()
  }

  return {
    accounts,
    connect,
    async scan(link) {
      const payload = parseAuthLink(link)
      if (normalizeHost(payload.host) !== url) {
        throw new HasInvalidArgumentError(`This wallet is connected to ${url}; the link names ${payload.host}.`)
      }
      if (!accountOf(payload.account)) throw new HasInvalidArgumentError(`@${payload.account} is not in this wallet.`)
      scanned.set(payload.uuid, payload)
      await connect()
      const waiting = unmatchedAuth.get(payload.uuid)
      if (waiting) {
        unmatchedAuth.delete(payload.uuid)
        onRequest(waiting)
      }
    },
    setDecision(next) {
      decision = next
    },
    pending: () => [...manual.values()].map((m) => m.info),
    approve: (uuid) => answerManually(uuid, true),
    reject: (uuid) => answerManually(uuid, false),
    sessions: () => sessions.all(),
    broadcasts: () => [...broadcasts],
    close() {
      closed = true
      for (const timer of timers) clearTimeout(timer)
      timers.clear()
      socket?.close()
      socket = undefined
    },
  }
}

function tryJson(text: string, key: string): Record<string, unknown> | undefined {
  try {
    const value = decryptPayload(text, key)
    return isRecord(value) ? value : undefined
  } catch {
    return undefined
  }
}

function tryText(text: string, key: string): string | undefined {
  try {
    return decryptText(text, key)
  } catch {
    return undefined
  }
}
