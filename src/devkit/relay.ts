import { randomUuid } from '../core/crypto/randomUuid.js'
import { checkAccountName } from '../core/protocol/accountName.js'
import { kindOfCommand } from '../core/protocol/messages.js'
import { isRecord, parseFrame, readString } from '../core/protocol/parseFrame.js'
import { createDeadlineQueue } from './deadlineQueue.js'
import { privateKeyFromLogin, publicKeyOf } from './keys.js'
import { type AccountKeys, devkitAccountKeys, proofHolds } from './relayProof.js'
import { createRelayRequests, type RelayRequest } from './relayRequests.js'
import type { Relay, RelayOptions, RelayPeer, RelaySocket } from './relayTypes.js'

export type { Relay, RelayConnection, RelayFrame, RelayOptions, RelayPeer, RelayRequestInfo } from './relayTypes.js'

const ANSWERS = /^(auth|sign|challenge)_(ack|nack|err)$/
const SERVER_KEY = privateKeyFromLogin('hive-auth-devkit', 'relay', 'memo')
/** Sockets one request answers at most (its page, reloaded a few times, in a few tabs). */
const MAX_ATTACHED = 16

/**
 * Creates a relay. It routes by account, never decrypts a payload, and never learns an auth_key. A wallet must prove
 * it holds a key of an account (a memo to the relay's key) before it may register for it, and only a socket registered
 * for an account may answer that account's requests.
 */
export function createRelay(options: RelayOptions = {}): Relay {
  const timeoutSeconds = options.timeout ?? 60
  const retentionMs = options.answerRetentionMs ?? timeoutSeconds * 1000
  const maxFrameChars = options.maxFrameChars ?? 64 * 1024
  const maxPerSocket = options.maxRequestsPerSocket ?? 64
  const maxChars = options.maxHeldChars ?? 64 * 1024 * 1024
  const keysOf: AccountKeys = options.accountKeys ?? devkitAccountKeys
  const serverKey = publicKeyOf(SERVER_KEY)
  const sockets = new Set<RelaySocket>()
  const pksas = new Map<string, Set<RelaySocket>>()
  const store = createRelayRequests({
    maxRequests: options.maxRequests ?? 250_000,
    maxChars,
    maxCharsPerAddress: options.maxHeldCharsPerAddress ?? Math.floor(maxChars / 4),
    maxRequestsPerSocket: maxPerSocket,
  })
  const expiries = createDeadlineQueue<RelayRequest>((request) => !request.answer && store.remove(request))
  const retention = createDeadlineQueue<RelayRequest>((request) => store.remove(request))
  let nextId = 1

  function send(socket: RelaySocket | null, message: Record<string, unknown>) {
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

  function deliver(request: RelayRequest, socket: RelaySocket) {
    if (request.delivered.has(socket) || request.answer) return
    request.delivered.add(socket)
    send(socket, request.forward)
  }

  function handleRequest(socket: RelaySocket, frame: Record<string, unknown>, cmd: 'auth_req' | 'sign_req' | 'challenge_req') {
    const account = frame.account
    if (typeof account !== 'string' || account !== account.trim().toLowerCase() || checkAccountName(account)) {
      return send(socket, { cmd: 'error', error: 'invalid payload (account)' })
    }
    if (typeof frame.data !== 'string') return send(socket, { cmd: 'error', error: 'invalid payload (data)' })
    const refusal = store.refusal(socket, frame.data.length)
    if (refusal) return send(socket, { cmd: 'error', error: refusal })
    const uuid = randomUuid()
    const expire = Date.now() + timeoutSeconds * 1000
    const forward: Record<string, unknown> = { cmd, account, data: frame.data, uuid, expire }
    if (typeof frame.token === 'string') forward.token = frame.token
    if (typeof frame.auth_key === 'string') forward.auth_key = frame.auth_key
    const request = store.add({
      uuid,
      kind: kindOfCommand(cmd)!,
      account,
      forward,
      creator: socket,
      apps: new Set([socket]),
      address: socket.address,
      expire,
      delivered: new Set(),
    })
    expiries.add(expire, request)
    const kind = request.kind
    send(socket, kind === 'auth' ? { cmd: 'auth_wait', uuid, expire, account } : { cmd: `${kind}_wait`, uuid, expire })
    for (const pksa of pksas.get(account) ?? []) deliver(request, pksa)
  }

  function handleRegister(socket: RelaySocket, frame: Record<string, unknown>) {
    const list = Array.isArray(frame.accounts) ? frame.accounts.filter(isRecord) : []
    const names = list.map((a) => readString(a.name))
    if (names.length === 0 || names.length !== (frame.accounts as unknown[]).length || names.some((n) => !n)) {
      return send(socket, { cmd: 'error', error: 'invalid payload (accounts)' })
    }
    const unknown = names.filter((n) => (options.knownAccounts ? !options.knownAccounts.includes(n!) : !keysOf(n!)))
    if (unknown.length > 0) return send(socket, { cmd: 'error', error: `unknown account ${unknown.join(', ')}` })
    if (options.proofOfKey !== 'off') {
      const now = Date.now()
      // v1 sends `pok`; v0.8 (Hive Keychain) `challenge`: both a memo of the time, from a key of the account.
      const unproven = list.filter((a) => !proofHolds(SERVER_KEY, a.pok ?? a.challenge, String(a.name), keysOf, { now, skewMs: 10_000 }))
      if (unproven.length > 0) return send(socket, { cmd: 'error', error: `invalid proof of key for ${unproven.map((a) => a.name).join(', ')}` })
    }
    for (const name of names as string[]) {
      socket.accounts.add(name)
      if (!pksas.has(name)) pksas.set(name, new Set())
      pksas.get(name)!.add(socket)
      send(socket, { cmd: 'register_ack', account: name })
      for (const request of store.waitingFor(name)) if (request.expire > Date.now()) deliver(request, socket)
    }
  }

  function handleAnswer(socket: RelaySocket, frame: Record<string, unknown>, cmd: string) {
    const uuid = readString(frame.uuid)
    const request = uuid ? store.get(uuid) : undefined
    if (!request || request.answer || kindOfCommand(cmd) !== request.kind || request.expire <= Date.now()) return
    if (!socket.accounts.has(request.account)) return // only the account's own wallet answers for it
    if (
      frame.pok !== undefined &&
      options.proofOfKey !== 'off' &&
      !proofHolds(SERVER_KEY, frame.pok, request.account, keysOf, { uuid: request.uuid })
    )
      return
    const answer = { ...frame }
    if (options.stripPok ?? true) delete answer.pok
    store.answer(request, answer)
    retention.add(Date.now() + retentionMs, request)
    for (const app of request.apps) send(app, answer)
  }

  /**
   * Adds the socket to the ones the request answers: the page that made it, reloaded, gets it back; another socket
   * that read the uuid off the QR code gets a copy, and takes nothing from the sockets already attached.
   */
  function handleAttach(socket: RelaySocket, frame: Record<string, unknown>) {
    const uuid = readString(frame.uuid) ?? ''
    const request = store.get(uuid)
    if (!request || (!request.answer && request.expire <= Date.now())) return send(socket, { cmd: 'attach_nack', uuid })
    const crowded = request.apps.size >= MAX_ATTACHED && !request.apps.has(socket)
    if (crowded || (!request.answer && store.waitingOn(socket) >= maxPerSocket)) return send(socket, { cmd: 'attach_nack', uuid })
    store.attach(request, socket)
    send(socket, { cmd: 'attach_ack', uuid })
    if (request.answer) send(socket, request.answer)
  }

  function receive(socket: RelaySocket, data: unknown) {
    if (typeof data === 'string') options.onFrame?.({ direction: 'in', socket: socket.id, text: data })
    if (typeof data === 'string' && data.length > maxFrameChars) return send(socket, { cmd: 'error', error: 'frame too large' })
    const frame = parseFrame(data, maxFrameChars)
    if (!frame) return send(socket, { cmd: 'error', error: 'invalid payload (json)' })
    const { cmd } = frame
    if (cmd === 'auth_req' || cmd === 'sign_req' || cmd === 'challenge_req') return handleRequest(socket, frame, cmd)
    if (cmd === 'attach_req') return handleAttach(socket, frame)
    if (cmd === 'key_req') return send(socket, { cmd: 'key_ack', key: serverKey })
    if (cmd === 'register_req') return handleRegister(socket, frame)
    if (ANSWERS.test(cmd)) return handleAnswer(socket, frame, cmd)
    // Keychain announces *_wait without a uuid, and PKSAs report their own failures with `error`: both are noise.
    if (/_wait$/.test(cmd) || cmd === 'error') return
    send(socket, { cmd: 'error', error: `invalid payload (cmd ${cmd.slice(0, 40)})` })
  }

  /** A socket went away: its registrations go with it; its requests wait for an attach, or for room to be needed. O(its own requests). */
  function closed(socket: RelaySocket) {
    if (!socket.open) return
    socket.open = false
    sockets.delete(socket)
    for (const name of socket.accounts) {
      pksas.get(name)?.delete(socket)
      if (pksas.get(name)?.size === 0) pksas.delete(name)
    }
    socket.accounts.clear()
    store.detach(socket)
  }

  return {
    serverKey,
    connect(peer: RelayPeer) {
      const socket: RelaySocket = { id: nextId++, peer, address: peer.address ?? 'local', open: true, accounts: new Set() }
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
    requests: () => store.describe(),
    heldChars: () => store.heldChars(),
    registered: (account) => pksas.get(account)?.size ?? 0,
    injectToApp(uuid, message) {
      const apps = [...(store.get(uuid)?.apps ?? [])]
      for (const app of apps) send(app, message)
      return apps.length > 0
    },
    dropApp(uuid) {
      const apps = [...(store.get(uuid)?.apps ?? [])]
      for (const app of apps) {
        app.peer.close()
        closed(app)
      }
      return apps.length > 0
    },
    close() {
      expiries.clear()
      retention.clear()
      store.clear()
      for (const socket of [...sockets]) {
        closed(socket)
        socket.peer.close()
      }
    },
  }
}
