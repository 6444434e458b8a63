/**
 * The HAS wire format, exactly as it goes over the socket (snake_case lives here only).
 * One JSON object per text frame, discriminated by `cmd`.
 */

/** What the APP sends in `auth_req.data` (encrypted). */
export interface AuthReqData {
  app: { name: string; description?: string; icon?: string }
  challenge?: { key_type: string; challenge: string }
  token?: string
}

/** What the wallet sends in `auth_ack.data` (encrypted). */
export interface AuthAckData {
  expire: number
  challenge?: { pubkey: string; challenge: string }
  /** Spelling used by one docs page. */
  challenge_data?: { pubkey: string; challenge: string }
  token?: string
}

/** What the APP sends in `sign_req.data` (encrypted). */
export interface SignReqData {
  key_type: string
  ops: unknown[]
  broadcast: boolean
  nonce: number
}

/** What the APP sends in `challenge_req.data` (encrypted). */
export interface ChallengeReqData {
  key_type: string
  challenge: string
  decrypt?: boolean
  nonce: number
}

/** What the wallet sends in `challenge_ack.data` (encrypted). */
export interface ChallengeAckData {
  pubkey: string
  challenge: string
}

export type RequestKind = 'auth' | 'sign' | 'challenge'

/** APP → HAS request. */
export interface RequestMessage {
  cmd: 'auth_req' | 'sign_req' | 'challenge_req'
  account: string
  data: string
  token?: string
  auth_key?: string
}

/** HAS → PKSA: the APP's request with the relay's uuid and expiry added. */
export interface ForwardedRequestMessage extends RequestMessage {
  uuid: string
  expire: number
}

export interface ConnectedMessage {
  cmd: 'connected'
  timeout?: number
  protocol?: number
  version?: string
}

export interface WaitMessage {
  cmd: 'auth_wait' | 'sign_wait' | 'challenge_wait'
  uuid: string
  expire?: number
  account?: string
}

export interface EncryptedAckMessage {
  cmd: 'auth_ack' | 'challenge_ack'
  uuid: string
  data: string
}

export interface SignAckMessage {
  cmd: 'sign_ack'
  uuid: string
  broadcast?: boolean
  data: string | Record<string, unknown>
}

export interface NackMessage {
  cmd: 'auth_nack' | 'sign_nack' | 'challenge_nack'
  uuid: string
  data?: string
  error?: string
}

export interface ErrMessage {
  cmd: 'auth_err' | 'sign_err' | 'challenge_err'
  uuid: string
  error?: string
}

export interface AttachMessage {
  cmd: 'attach_ack' | 'attach_nack'
  uuid: string
}

export interface ServerErrorMessage {
  cmd: 'error'
  error?: string
}

/** Every frame a relay may send to the APP that the client acts on. */
export type AppInboundMessage =
  | ConnectedMessage
  | WaitMessage
  | EncryptedAckMessage
  | SignAckMessage
  | NackMessage
  | ErrMessage
  | AttachMessage
  | ServerErrorMessage

/** The request kind a `cmd` such as `sign_nack` belongs to. */
export function kindOfCommand(cmd: string): RequestKind | undefined {
  const prefix = cmd.slice(0, cmd.indexOf('_'))
  return prefix === 'auth' || prefix === 'sign' || prefix === 'challenge' ? prefix : undefined
}
