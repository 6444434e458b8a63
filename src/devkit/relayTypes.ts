import type { RequestKind } from '../core/protocol/messages.js'
import type { AccountKeys } from './relayProof.js'

/** One side of a relay socket, as the host (ws server or in-memory) provides it. */
export interface RelayPeer {
  send(text: string): void
  /** Closes the socket from the relay's side. */
  close(): void
  /** Where it comes from (the remote IP): what one address holds is capped (default: all peers share one address). */
  address?: string
}

/** What the relay logs for every frame it receives or sends. */
export interface RelayFrame {
  direction: 'in' | 'out'
  socket: number
  text: string
}

/** Options of the local HAS relay. */
export interface RelayOptions {
  /** Request lifetime in seconds (default 60). */
  timeout?: number
  /** Protocol announced in `connected` (default 1). */
  protocol?: number
  /** Also send the legacy `server`, `socketid` and `ping_rate` fields (default true). */
  legacyFields?: boolean
  /** When set, `register_req` for any other account is refused with `error`. */
  knownAccounts?: readonly string[]
  /** The public keys of an account, to check proofs of key (default: the devkit's test keys of any valid name). */
  accountKeys?: AccountKeys
  /** `strict` (default, as the HAS): registrations need a valid proof of key, and answers' `pok` must hold; `off`. */
  proofOfKey?: 'strict' | 'off'
  /** Remove `pok` from answers forwarded to the APP (default true, as the docs show APP-side frames). */
  stripPok?: boolean
  /** How long an answer is kept for a later `attach_req` (ms; default: the request timeout). */
  answerRetentionMs?: number
  /** Longest frame accepted, in characters (default 64 KiB; real frames are a few KB). */
  maxFrameChars?: number
  /** Requests one socket may have waiting at once (default 64). */
  maxRequestsPerSocket?: number
  /** Requests (waiting or answered and kept) the relay holds at most (default 250 000). */
  maxRequests?: number
  /** Characters of payload (requests and kept answers) the relay holds at most (default 64 Mi): bounds its memory. */
  maxHeldChars?: number
  /** What the requests made from one address may hold at most (default a quarter of `maxHeldChars`). */
  maxHeldCharsPerAddress?: number
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
  /** The requests held (waiting, or answered and kept for an attach). */
  requests(): RelayRequestInfo[]
  /** Characters of payload held: what a flood can make the relay keep (bounded by `maxHeldChars`). */
  heldChars(): number
  /** How many sockets are registered (with a proven key) for an account. */
  registered(account: string): number
  /** Sends a frame to the APP sockets a request answers (a forged answer, a duplicate, ...). */
  injectToApp(uuid: string, message: Record<string, unknown>): boolean
  /** Closes the APP sockets a request answers, as a network drop would. */
  dropApp(uuid: string): boolean
  /** Closes every socket and stops every timer. */
  close(): void
}

/** The relay's state of one socket. */
export interface RelaySocket {
  id: number
  peer: RelayPeer
  address: string
  open: boolean
  /** Accounts this socket registered for (with a proven key). */
  accounts: Set<string>
}
