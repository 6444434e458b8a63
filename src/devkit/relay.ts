import { randomUuid } from '../core/crypto/randomUuid'
import { checkAccountName } from '../core/protocol/accountName'
import { isRecord, parseFrame, readString } from '../core/protocol/parseFrame'
import { kindOfCommand, type RequestKind } from '../core/protocol/messages'
import { privateKeyFromLogin, publicKeyOf } from './keys'

/** One side of a relay socket, as the host (ws server or in-memory) provides it. */
export interface RelayPeer {
  send(text: string): void
  /** Closes the socket from the relay's side. */
  close(): void
}

/** What the relay logs for every frame it receives or sends. */
export interface RelayFrame {
  direction: 'in' | 'out'
  socket: number
  text: string
}

/** Options of the local HAS relay. */
export interface RelayOptions {
  /** Request lifetime in seconds (default 60; tests use 2–5). */
  timeout?: number
  /** Protocol announced in `connected` (default 1). */
  protocol?: number
  /** Also send the legacy `server`, `socketid` and `ping_rate` fields (default true). */
  legacyFields?: boolean
  /** When set, `register_req` for any other account is refused with `error`. */
  knownAccounts?: readonly string[]
  /** Remove `pok` from answers forwarded to the APP (default true, as the docs show APP-side frames). */
  stripPok?: boolean
  /** How long an answer is kept for a later `attach_req` (ms; default: the request timeout). */
  answerRetentionMs?: number
  /** Every frame in and out, for logs and for tests that capture the traffic. */
  onFrame?: (frame: RelayFrame) => void
  /** Rewrites, drops (return null) or multiplies (return an array) a frame just before it is sent. */
  intercept?: (message: Record<string, unknown>, to: { socket: number }) => Record<string, unknown> | Record<string, unknown>[] | null
}

/** A relay socket, fed by its host. */
export interface RelayConnection {
  readonly id: number
  /** A frame arrived from the peer. */
  receive(data: unknown): void
  /** The peer went away. */
  closed(): void
}

/** What the relay holds about one request (exposed for tests and the devkit UI). */
export interface RelayRequestInfo {
  uuid: string
  kind: RequestKind
  account: string
  expire: number
  answered: boolean
  appConnected: boolean
}

/** A HAS relay as a pure message router; hosts give it sockets. */
export interface Relay {
  /** Registers a new socket and greets it with `connected`. */
  connect(peer: RelayPeer): RelayConnection
  /** The server's `STM…` public key (sent in `key_ack`). */
  readonly serverKey: string
  /** The live requests. */
  requests(): RelayRequestInfo[]
  /** Sends a frame to the APP socket that owns a request (a forged answer, a duplicate, ...). */
  injectToApp(uuid: string, message: Record<string, unknown>): boolean
  /** Closes the APP socket that owns a request, as a network drop would. */
  dropApp(uuid: string): boolean
  /** Closes every socket and stops every timer. */
  close(): void
}

interface SocketState {
  id: number
  peer: RelayPeer
  open: boolean
  accounts: Set<string>
}

interface RequestState {
  uuid: string
  kind: RequestKind
  account: string
  forward: Record<string, unknown>
  app: SocketState | null
  expire: number
  delivered: Set<SocketState>
  answer?: Record<string, unknown>
  timer: ReturnType<typeof setTimeout>
}

const ANSWERS = /^(auth|sign|challenge)_(ack|nack|err)$/

/** Creates a relay. It routes by account, never decrypts anything, and never learns an auth_key. */
export function createRelay(options: RelayOptions = {}): Relay {
  const timeoutSeconds = options.timeout ?? 60
  const retentionMs = options.answerRetentionMs ?? timeoutSeconds * 1000
  const serverKey = publicKeyOf(privateKeyFromLogin('hive-auth-devkit', 'relay', 'memo'))
  const sockets = new Set<SocketState>()
  const requests = new Map<string, RequestState>()
  const pksas = new Map<string, Set<SocketState>>()
  let nextId = 1

  function send(socket: SocketState | null, message: Record<string, unknown>) {
    if (!socket?.open) return
    const out = options.intercept ? options.intercept(message, { socket: socket.id }) : message
    for (const frame of out === null ? [] : Array.isArray(out) ? out : [out]) {
      const text = JSON.stringify(frame)
      options.onFrame?.({ direction: 'out', socket: socket.id, text })
      try {
        socket.peer.send(text)
      } catch {
        // The peer vanished between checks; its close event cleans up.
      }
    }
  }

  function deliver(request: RequestState, socket: SocketState) {
    if (request.delivered.has(socket) || request.answer) return
    request.delivered.add(socket)
    send(socket, request.forward)
  }

  function handleRequest(socket: SocketState, frame: Record<string, unknown>, cmd: string) {
    const account = frame.account
    if (typeof account !== 'string' || account !== account.trim().toLowerCase() || checkAccountName(account)) {
      return send(socket, { cmd: 'error', error: 'invalid payload (account)' })
    }
    if (typeof frame.data !== 'string') return send(socket, { cmd: 'error', error: 'invalid payload (data)' })
    const kind = kindOfCommand(cmd)!
    const uuid = randomUuid()
    const expire = Date.now() + timeoutSeconds * 1000
    const forward: Record<string, unknown> = { cmd, account, data: frame.data, uuid, expire }
    if (typeof frame.token === 'string') forward.token = frame.token
    if (typeof frame.auth_key === 'string') forward.auth_key = frame.auth_key
    const request: RequestState = {
      uuid,
      kind,
      account,
      forward,
      app: socket,
      expire,
      delivered: new Set(),
      timer: setTimeout(() => requests.delete(uuid), timeoutSeconds * 1000),
    }
    requests.set(uuid, request)
    send(socket, kind === 'auth' ? { cmd: 'auth_wait', uuid, expire, account } : { cmd: `${kind}_wait`, uuid, expire })
    for (const pksa of pksas.get(account) ?? []) deliver(request, pksa)
  }

  function handleRegister(socket: SocketState, frame: Record<string, unknown>) {
    const list = Array.isArray(frame.accounts) ? frame.accounts : []
    const names = list.map((a) => (isRecord(a) ? readString(a.name) : undefined))
    if (names.length === 0 || names.some((n) => !n)) return send(socket, { cmd: 'error', error: 'invalid payload (accounts)' })
    const unknown = names.filter((n) => options.knownAccounts && !options.knownAccounts.includes(n!))
    if (unknown.length > 0) return send(socket, { cmd: 'error', error: `unknown account ${unknown.join(', ')}` })
    for (const name of names as string[]) {
      socket.accounts.add(name)
      if (!pksas.has(name)) pksas.set(name, new Set())
      pksas.get(name)!.add(socket)
      send(socket, { cmd: 'register_ack', account: name })
      for (const request of requests.values()) {
        if (request.account === name && request.expire > Date.now()) deliver(request, socket)
      }
    }
  }

  function handleAnswer(frame: Record<string, unknown>, cmd: string) {
    const uuid = readString(frame.uuid)
    const request = uuid ? requests.get(uuid) : undefined
    if (!request || request.answer || kindOfCommand(cmd) !== request.kind || request.expire <= Date.now()) return
    const answer = { ...frame }
    if (options.stripPok ?? true) delete answer.pok
    request.answer = answer
    clearTimeout(request.timer)
    request.timer = setTimeout(() => requests.delete(request.uuid), retentionMs)
    send(request.app, answer)
  }

  function handleAttach(socket: SocketState, frame: Record<string, unknown>) {
    const uuid = readString(frame.uuid) ?? ''
    const request = requests.get(uuid)
    if (!request || (!request.answer && request.expire <= Date.now())) return send(socket, { cmd: 'attach_nack', uuid })
    request.app = socket
    send(socket, { cmd: 'attach_ack', uuid })
    if (request.answer) send(socket, request.answer)
  }

  function receive(socket: SocketState, data: unknown) {
    if (typeof data === 'string') options.onFrame?.({ direction: 'in', socket: socket.id, text: data })
    const frame = parseFrame(data)
    if (!frame) return send(socket, { cmd: 'error', error: 'invalid payload (json)' })
    const { cmd } = frame
    if (cmd === 'auth_req' || cmd === 'sign_req' || cmd === 'challenge_req') return handleRequest(socket, frame, cmd)
    if (cmd === 'attach_req') return handleAttach(socket, frame)
    if (cmd === 'key_req') return send(socket, { cmd: 'key_ack', key: serverKey })
    if (cmd === 'register_req') return handleRegister(socket, frame)
    if (ANSWERS.test(cmd)) return handleAnswer(frame, cmd)
    // Keychain announces *_wait without a uuid, and PKSAs report their own failures with `error`: both are noise.
    if (/_wait$/.test(cmd) || cmd === 'error') return
    send(socket, { cmd: 'error', error: `invalid payload (cmd ${cmd.slice(0, 40)})` })
  }

  function closed(socket: SocketState) {
    if (!socket.open) return
    socket.open = false
    sockets.delete(socket)
    for (const name of socket.accounts) pksas.get(name)?.delete(socket)
    for (const request of requests.values()) if (request.app === socket) request.app = null
  }

  return {
    serverKey,
    connect(peer) {
      const socket: SocketState = { id: nextId++, peer, open: true, accounts: new Set() }
      sockets.add(socket)
      const greeting: Record<string, unknown> = {
        cmd: 'connected',
        timeout: timeoutSeconds,
        version: 'hive-auth-devkit',
        protocol: options.protocol ?? 1,
      }
      if (options.legacyFields ?? true) Object.assign(greeting, { server: 'hive-auth-devkit', socketid: String(socket.id), ping_rate: 30 })
      send(socket, greeting)
      return { id: socket.id, receive: (data) => receive(socket, data), closed: () => closed(socket) }
    },
    requests: () =>
      [...requests.values()].map((r) => ({
        uuid: r.uuid,
        kind: r.kind,
        account: r.account,
        expire: r.expire,
        answered: Boolean(r.answer),
        appConnected: Boolean(r.app?.open),
      })),
    injectToApp(uuid, message) {
      const request = requests.get(uuid)
      if (!request?.app?.open) return false
      send(request.app, message)
      return true
    },
    dropApp(uuid) {
      const app = requests.get(uuid)?.app
      if (!app?.open) return false
      app.peer.close()
      closed(app)
      return true
    },
    close() {
      for (const request of requests.values()) clearTimeout(request.timer)
      requests.clear()
      for (const socket of [...sockets]) {
        closed(socket)
        socket.peer.close()
      }
    },
  }
}
