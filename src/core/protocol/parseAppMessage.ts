import type { AppInboundMessage } from './messages.js'
import { isRecord, parseFrame, readNumber, readString } from './parseFrame.js'

/**
 * Parses a frame the relay sent to the APP into a typed message, or undefined when the frame is not one the client
 * acts on or its fields have the wrong types. Unknown fields (such as `pok`) are dropped. Never throws.
 */
export function parseAppMessage(raw: unknown): AppInboundMessage | undefined {
  const frame = parseFrame(raw)
  if (!frame) return undefined
  const { cmd } = frame
  if (cmd === 'connected') {
    return {
      cmd,
      timeout: positive(readNumber(frame.timeout)),
      protocol: readNumber(frame.protocol),
      version: readString(frame.version),
    }
  }
  if (cmd === 'error') return { cmd, error: readString(frame.error) }
  const uuid = readString(frame.uuid)
  if (!uuid) return undefined
  switch (cmd) {
    case 'auth_wait':
    case 'sign_wait':
    case 'challenge_wait':
      return { cmd, uuid, expire: positive(readNumber(frame.expire)), account: readString(frame.account) }
    case 'auth_ack':
    case 'challenge_ack': {
      const data = readString(frame.data)
      return data ? { cmd, uuid, data } : undefined
    }
    case 'sign_ack': {
      const data = frame.data
      if (!(readString(data) || isRecord(data))) return undefined
      const broadcast = typeof frame.broadcast === 'boolean' ? frame.broadcast : undefined
      return { cmd, uuid, data: data as string | Record<string, unknown>, broadcast }
    }
    case 'auth_nack':
    case 'sign_nack':
    case 'challenge_nack':
      return { cmd, uuid, data: readString(frame.data), error: readString(frame.error) }
    case 'auth_err':
    case 'sign_err':
    case 'challenge_err':
      return { cmd, uuid, error: readString(frame.error) }
    case 'attach_ack':
    case 'attach_nack':
      return { cmd, uuid }
    default:
      return undefined
  }
}

function positive(n: number | undefined): number | undefined {
  return n !== undefined && n > 0 ? n : undefined
}
