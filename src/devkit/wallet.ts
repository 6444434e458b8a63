import IsomorphicWebSocket from 'isomorphic-ws'
import type { WebSocketConstructor, WebSocketLike } from '../core/types'
import { decryptPayload, decryptText, encryptPayload } from '../core/crypto/aes'
import { randomUuid } from '../core/crypto/randomUuid'
import { HasInvalidArgumentError } from '../core/errors/HasInvalidArgumentError'
import { normalizeHost } from '../core/protocol/hosts'
import { parseAuthLink, type AuthLinkPayload } from '../core/protocol/links'
import type { RequestKind } from '../core/protocol/messages'
import { isRecord, parseFrame, readNumber, readString } from '../core/protocol/parseFrame'
import { createDevkitAccount, type DevkitAccount } from './accounts'
import { challengeDigest } from '../core/crypto/signatures'
import { signMessage } from './keys'
import { PROFILES, type ProfileTraits, type WalletProfile } from './profiles'

/** What the simulated wallet does with each request. `manual` holds it until `approve` or `reject` is called. */
export type WalletDecision = 'approve' | 'reject' | 'error' | 'ignore' | 'manual'

/** Options of the wallet (PKSA) simulator. */
export interface WalletOptions {
  /** The relay to connect to; deep links naming another host are refused, as HiveAuth mobile does. */
  url: string
  WebSocket?: WebSocketConstructor
  /** Accounts the wallet holds keys for: names (test password) or `{ name, password }`. */
  accounts: readonly (string | { name: string; password?: string })[]
  profile?: WalletProfile
  decision?: WalletDecision
  /** Delay before each answer (ms). */
  replyDelayMs?: number
  /** Service mode: the `auth_req_secret` shared with the dApp. */
  secret?: string
  /** How long a granted session lasts (ms, default one day). */
  sessionMs?: number
  /** Called whenever the list of requests awaiting a manual decision, or the sessions, change. */
  onChange?: () => void
}

/** A request the wallet has received, as a wallet UI shows it. */
export interface WalletRequest {
  kind: RequestKind
  uuid: string
  account: string
  expire: number
  app?: string
  keyType?: string
  ops?: unknown[]
  challenge?: string
}

/** A session the wallet granted. */
export interface WalletSession {
  account: string
  key: string
  expire: number
  token?: string
  app: string
}

/** The PKSA simulator. */
export interface Wallet {
  /** Connects, asks the server key and registers the accounts; resolves on the last `register_ack`. */
  connect(): Promise<void>
  /** "Scans" a `has://auth_req/...` link: learns the request's key and answers it once the relay forwards it. */
  scan(link: string): Promise<void>
  setDecision(decision: WalletDecision): void
  /** Requests waiting for a manual decision. */
  pending(): WalletRequest[]
  approve(uuid: string): void
  reject(uuid: string): void
  sessions(): WalletSession[]
  /** The simulated accounts with their public keys. */
  readonly accounts: readonly DevkitAccount[]
  close(): void
}

interface Incoming {
  info: WalletRequest
  key: string
  session?: WalletSession
  payload: Record<string, unknown>
  token?: string
}

/** Creates a simulated wallet. Nothing connects until `connect` or `scan`. */
export function createWallet(options: WalletOptions): Wallet {
  const traits: ProfileTraits = PROFILES[options.profile ?? 'docs-v1']
  const url = normalizeHost(options.url)
  const WS = options.WebSocket ?? (IsomorphicWebSocket as unknown as WebSocketConstructor)
  const accounts = options.accounts.map((a) => (typeof a === 'string' ? createDevkitAccount(a) : createDevkitAccount(a.name, a.password)))
  const sessionMs = options.sessionMs ?? 24 * 3600 * 1000
  let decision = options.decision ?? 'approve'
  let socket: WebSocketLike | undefined
  let ready: Promise<void> | undefined
  let closed = false
  const scanned = new Map<string, AuthLinkPayload>()
  const unmatchedAuth = new Map<string, Record<string, unknown>>()
  const manual = new Map<string, { request: Incoming; answer: (approved: boolean) => void }>()
  const sessions: WalletSession[] = []
  const lastNonce = new Map<string, number>()
  const seenNonces = new Set<string>()
  const timers = new Set<ReturnType<typeof setTimeout>>()

  const accountOf = (name: string) => accounts.find((a) => a.name === name)
  const liveSessions = (account: string) => sessions.filter((s) => s.account === account && s.expire > Date.now())

  function send(message: Record<string, unknown>) {
    if (socket?.readyState === 1) socket.send(JSON.stringify(message))
  }

  function later(fn: () => void) {
    const timer = setTimeout(() => {
      timers.delete(timer)
      if (!closed) fn()
    }, options.replyDelayMs ?? 0)
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
        if (!closed) setTimeout(() => !closed && void connect().catch(() => {}), 1000) // like the PKSAs: retry after 1 s
      }
      ws.onmessage = (event) => {
        const frame = parseFrame(event.data)
        if (!frame) return
        if (frame.cmd === 'connected' && !traits.keyReqOnOpen) return send({ cmd: 'key_req' })
        if (frame.cmd === 'key_ack') return send(registerMessage())
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

  function registerMessage() {
    const list =
      traits.registerFormat === 'v1' ? accounts.map((a) => ({ name: a.name })) : accounts.map((a) => ({ name: a.name, key_type: 'posting' }))
    // No PoK: the simulator does not implement Hive memo encryption, and the devkit relay accepts registrations without it.
    return { cmd: 'register_req', app: 'hive-auth-devkit', accounts: list }
  }

  function onRequest(frame: Record<string, unknown> & { cmd: string }) {
    const account = readString(frame.account)
    const uuid = readString(frame.uuid)
    const expire = readNumber(frame.expire)
    const data = readString(frame.data)
    if (!account || !uuid || !expire || !data || !accountOf(account) || expire <= Date.now()) return
    if (traits.announcesWait) send({ cmd: frame.cmd.replace('_req', '_wait') })
    if (frame.cmd === 'auth_req') return onAuthRequest(frame, account, uuid, expire, data)
    const kind = frame.cmd === 'sign_req' ? 'sign' : 'challenge'
    const token = readString(frame.token)
    const candidates = traits.sessionLookup === 'token' ? liveSessions(account).filter((s) => token && s.token === token) : liveSessions(account)
    for (const session of candidates) {
      const payload = tryJson(data, session.key)
      if (payload) return onSessionRequest(kind, { info: { kind, uuid, account, expire }, key: session.key, session, payload, token })
    }
    // Keychain shows "This account has not been connected through HAS." and answers nothing; v1 PKSAs stay silent too.
  }

  function onAuthRequest(frame: Record<string, unknown>, account: string, uuid: string, expire: number, data: string) {
    let key = scanned.get(uuid)?.key
    const wrapped = readString(frame.auth_key)
    if (!key && wrapped && options.secret) key = tryText(wrapped, options.secret)
    if (!key) key = liveSessions(account).find((s) => tryJson(data, s.key))?.key
    if (!key) return void unmatchedAuth.set(uuid, frame) // wait for the QR code to be scanned
    const payload = tryJson(data, key)
    const app = payload && isRecord(payload.app) ? readString(payload.app.name) : undefined
    if (!payload || !app) return
    decide({ info: { kind: 'auth', uuid, account, expire, app, challenge: challengeText(payload) }, key, payload })
  }

  function onSessionRequest(kind: 'sign' | 'challenge', request: Incoming) {
    const nonce = readNumber(request.payload.nonce)
    if (traits.nonce === 'strict') {
      const last = lastNonce.get(request.key) ?? 0
      if (nonce === undefined || nonce <= last) return send({ cmd: 'error', error: 'invalid (nonce)' })
      lastNonce.set(request.key, nonce)
    } else if (nonce !== undefined) {
      const id = `${request.key}:${nonce}`
      if (seenNonces.has(id)) return
      seenNonces.add(id)
    }
    request.info.keyType = readString(request.payload.key_type)
    if (kind === 'sign') {
      request.info.ops = Array.isArray(request.payload.ops) ? request.payload.ops : undefined
      if (request.info.keyType === 'active' && !traits.signsWithActive && decision !== 'reject') return
    } else {
      request.info.challenge = readString(request.payload.challenge)
    }
    decide(request)
  }

  function decide(request: Incoming) {
    if (decision === 'ignore') return
    if (decision === 'manual') {
      manual.set(request.info.uuid, { request, answer: (approved) => (approved ? approve(request) : refuse(request)) })
      const timer = setTimeout(() => manual.delete(request.info.uuid) && options.onChange?.(), Math.max(0, request.info.expire - Date.now()))
      timers.add(timer)
      options.onChange?.()
      return
    }
    later(() => (decision === 'error' ? fail(request, 'Simulated wallet error') : decision === 'reject' ? refuse(request) : approve(request)))
  }

  function approve(request: Incoming) {
    const { kind, uuid, account } = request.info
    if (kind === 'auth') return approveAuth(request)
    if (kind === 'sign') {
      const broadcast = request.payload.broadcast !== false
      const ops = request.payload.ops
      if (!Array.isArray(ops) || ops.length === 0 || (request.info.keyType !== 'posting' && request.info.keyType !== 'active')) {
        return fail(request, 'invalid payload (ops or key_type)')
      }
      if (!broadcast && traits.signOnly === 'error') return fail(request, 'Transaction signing only is not enabled')
      const ack: Record<string, unknown> = { cmd: 'sign_ack', uuid, data: broadcast ? fakeTxid(uuid) : signedTx(request, ops, accountOf(account)!) }
      if (traits.signAckBroadcastField) ack.broadcast = broadcast
      return send(ack)
    }
    const keyType = request.info.keyType as 'posting' | 'active' | 'memo'
    const keys = accountOf(account)!
    if (!(keyType in keys.keys) || !request.info.challenge) return fail(request, 'invalid payload (key_type or challenge)')
    if (request.payload.decrypt === true && traits.honoursDecrypt) {
      return fail(request, 'Memo decryption is not supported by the hive-auth-devkit wallet')
    }
    const answer = { pubkey: keys.publicKeys[keyType], challenge: signMessage(request.info.challenge, keys.keys[keyType]) }
    send({ cmd: 'challenge_ack', uuid, data: encryptPayload(answer, request.key) })
  }

  function approveAuth(request: Incoming) {
    const { uuid, account } = request.info
    const keys = accountOf(account)!
    const ack: Record<string, unknown> = { expire: Date.now() + sessionMs }
    const challenge = request.payload.challenge
    if (isRecord(challenge)) {
      const keyType = challenge.key_type as 'posting' | 'active' | 'memo'
      const text = readString(challenge.challenge)
      if (!(keyType in keys.keys) || !text) return fail(request, 'invalid payload (challenge)')
      ack.challenge = { pubkey: keys.publicKeys[keyType], challenge: signMessage(text, keys.keys[keyType]) }
    }
    const session: WalletSession = { account, key: request.key, expire: ack.expire as number, app: request.info.app ?? '' }
    if (traits.issuesToken) ack.token = session.token = randomUuid()
    sessions.push(session)
    send({ cmd: 'auth_ack', uuid, data: encryptPayload(ack, request.key) })
    options.onChange?.()
  }

  function refuse(request: Incoming) {
    const { kind, uuid } = request.info
    const cmd = `${kind}_nack`
    if (kind === 'auth' && traits.authNack === 'none') return send({ cmd, uuid })
    if (kind !== 'auth' && traits.requestNack === 'error-text') return send({ cmd, uuid, error: 'The user declined the request' })
    send({ cmd, uuid, data: encryptPayload(uuid, request.key) })
  }

  function fail(request: Incoming, message: string) {
    const { kind, uuid } = request.info
    const plain = kind === 'auth' && !traits.encryptsAuthError
    send({ cmd: `${kind}_err`, uuid, error: plain ? message : encryptPayload(message, request.key) })
  }

  function answerManually(uuid: string, approved: boolean) {
    const item = manual.get(uuid)
    if (!item) return
    manual.delete(uuid)
    item.answer(approved)
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
        onRequest(waiting as Record<string, unknown> & { cmd: string })
      }
    },
    setDecision(next) {
      decision = next
    },
    pending: () => [...manual.values()].map((m) => m.request.info),
    approve: (uuid) => answerManually(uuid, true),
    reject: (uuid) => answerManually(uuid, false),
    sessions: () => sessions.filter((s) => s.expire > Date.now()),
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

function challengeText(payload: Record<string, unknown>): string | undefined {
  return isRecord(payload.challenge) ? readString(payload.challenge.challenge) : undefined
}

/** A 40-hex transaction id derived from the request, so tests can recognise it; nothing touches a real chain. */
function fakeTxid(uuid: string): string {
  return Array.from(challengeDigest(uuid).subarray(0, 20), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The docs' `broadcast: false` answer: the transaction with a signature (simulated; no chain reference block). */
function signedTx(request: Incoming, ops: unknown[], keys: DevkitAccount) {
  const keyType = request.info.keyType === 'active' ? 'active' : 'posting'
  const tx = {
    ref_block_num: 0,
    ref_block_prefix: 0,
    expiration: new Date(request.info.expire).toISOString().slice(0, 19),
    operations: ops,
    extensions: [],
  }
  return { ...tx, signatures: [signMessage(JSON.stringify(tx), keys.keys[keyType])] }
}
