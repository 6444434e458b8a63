import { sha256 } from '@noble/hashes/sha2.js'
import { signDigest } from './keys.js'

/**
 * How a wallet turns a challenge into the bytes it signs, read from each wallet's source (docs/wallets.md):
 * - `text`: the challenge's UTF-8 bytes (the service PKSA: hive-js `Signature.signBuffer(challenge)`).
 * - `keychain-bridge`: Hive Keychain Mobile (`src/components/bridge/index.tsx signBuffer`): a Buffer-JSON envelope is
 *   signed over its bytes; any other text is pasted into JavaScript between single quotes with only `\` and `'`
 *   escaped, so a line break makes the source fail to parse and the wallet never answers.
 * - `js-unescaped`: the HiveAuth app (`HiveAuthSignerCustom.kt`, `HiveAuthSignerCustomPlugin.swift`): the challenge is
 *   pasted into JavaScript between single quotes with nothing escaped: a quote or a line break never answers, and a
 *   backslash is read as a JavaScript escape before `hive.auth.signMessage` signs the text.
 */
export type ChallengeBytesRule = 'text' | 'keychain-bridge' | 'js-unescaped'

const utf8 = (text: string) => new TextEncoder().encode(text)
const BREAKS_A_LITERAL = /[\n\r]/

/** The bytes the wallet signs for `challenge`, or undefined when its code fails and no answer ever comes. */
export function challengeBytes(rule: ChallengeBytesRule, challenge: string): Uint8Array | undefined {
  if (rule === 'text') return utf8(challenge)
  if (rule === 'js-unescaped') {
    if (BREAKS_A_LITERAL.test(challenge) || challenge.includes("'")) return undefined
    const text = readJsEscapes(challenge)
    return text === undefined ? undefined : utf8(text)
  }
  const envelope = bufferOf(challenge)
  if (envelope === 'nested') return undefined // `new Uint8Array([[object Object]])`: a syntax error
  if (envelope) return envelope
  return BREAKS_A_LITERAL.test(challenge) ? undefined : utf8(challenge)
}

/** Signs a challenge as the wallet of `rule` does (undefined: it never answers). */
export function signChallengeAs(rule: ChallengeBytesRule, challenge: string, privateKey: Uint8Array): string | undefined {
  const bytes = challengeBytes(rule, challenge)
  return bytes && signDigest(sha256(bytes), privateKey)
}

/** Keychain's reviver: a `{type:'Buffer', data:[…]}` anywhere makes the message a buffer; only a top-level one signs. */
function bufferOf(challenge: string): Uint8Array | 'nested' | undefined {
  let isBuffer = false
  let parsed: unknown
  try {
    parsed = JSON.parse(challenge, (_key, value: unknown) => {
      const record = value as { type?: unknown; data?: unknown } | null
      if (record !== null && typeof record === 'object' && record.type === 'Buffer' && Array.isArray(record.data)) {
        isBuffer = true
        return record.data
      }
      return value
    })
  } catch {
    return undefined
  }
  if (!isBuffer) return undefined
  if (!Array.isArray(parsed) || !parsed.every((n) => Number.isInteger(n))) return 'nested'
  return Uint8Array.from(parsed as number[]) // as `new Uint8Array([...])`: values wrap modulo 256
}

const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' }

/** A single-quoted JavaScript literal's value (undefined where the engine would throw a SyntaxError or read octal). */
function readJsEscapes(source: string): string | undefined {
  let out = ''
  for (let i = 0; i < source.length; i++) {
    if (source[i] !== '\\') {
      out += source[i]
      continue
    }
    const next = source[++i]
    if (next === undefined) return undefined // `'…\'`: the closing quote is escaped
    if (next === '0' && !/[0-9]/.test(source[i + 1] ?? '')) out += '\0'
    else if (/[0-9]/.test(next))
      return undefined // legacy octal: not modelled
    else if (next in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[next]
    else if (next === 'x' || next === 'u') {
      const braces = next === 'u' && source[i + 1] === '{'
      const hex = braces
        ? /^\{([0-9a-fA-F]{1,6})\}/.exec(source.slice(i + 1))
        : new RegExp(`^([0-9a-fA-F]{${next === 'x' ? 2 : 4}})`).exec(source.slice(i + 1))
      const code = hex ? Number.parseInt(hex[1]!, 16) : Number.NaN
      if (!hex || code > 0x10ffff) return undefined
      out += String.fromCodePoint(code)
      i += hex[0].length
    } else out += next
  }
  return out
}
