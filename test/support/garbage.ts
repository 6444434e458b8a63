import { encryptPayload } from '../../src/core/crypto/aes'

/** A small seeded PRNG (mulberry32), so a failing case can be replayed. */
export function createRandom(seed: number) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!
  return { next, int, pick }
}

type Random = ReturnType<typeof createRandom>

const COMMANDS = [
  'connected',
  'auth_wait',
  'sign_wait',
  'challenge_wait',
  'auth_ack',
  'auth_nack',
  'auth_err',
  'sign_ack',
  'sign_nack',
  'sign_err',
  'challenge_ack',
  'challenge_nack',
  'challenge_err',
  'attach_ack',
  'attach_nack',
  'error',
  'key_ack',
  'register_ack',
  'auth_req',
  'sign_req',
  'nonsense',
  '',
  '__proto__',
  'constructor',
]

/** A value of a random JSON (or JSON-hostile) type. */
export function randomValue(r: Random, depth = 0): unknown {
  switch (r.int(depth > 2 ? 7 : 10)) {
    case 0:
      return null
    case 1:
      return r.int(2) === 0
    case 2:
      return r.pick([0, -1, 1e308, -1e308, 0.8, 2, Number.MAX_SAFE_INTEGER, Date.now(), Date.now() + 1e12])
    case 3:
      return ''
    case 4:
      return r.pick(['U2FsdGVkX1', 'U2FsdGVkX18AAQIDBAUGBw==', 'not base64!', '\u0000\uffff', '🐝'.repeat(r.int(50)), '{"expire":1}'])
    case 5:
      return 'x'.repeat(r.int(3000))
    case 6:
      return encryptPayload(r.pick(['garbage', { expire: Date.now() + 1e9 }, { pubkey: 'STM', challenge: '00' }]), 'attacker-' + r.int(5))
    case 7:
      return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1))
    case 8:
      return Object.fromEntries(
        Array.from({ length: r.int(4) }, () => [
          r.pick(['uuid', 'data', 'expire', 'cmd', 'error', '__proto__', 'pubkey']),
          randomValue(r, depth + 1),
        ]),
      )
    default:
      return { toString: 1, valueOf: 'x' }
  }
}

/** One hostile frame: binary, non-JSON, oversized, or a real command with wrong or forged fields. `uuids` are the ones worth hitting. */
export function randomFrame(r: Random, uuids: readonly string[]): string | Uint8Array {
  const roll = r.int(20)
  if (roll === 0) return new Uint8Array(r.int(64))
  if (roll === 1) return r.pick(['', '{', 'null', '[]', '"str"', '12', '{"cmd":', '\u0000'])
  if (roll === 2) return JSON.stringify({ cmd: 'auth_ack', uuid: r.pick(uuids), data: 'A'.repeat(300_000) })
  const frame: Record<string, unknown> = { cmd: r.int(8) === 0 ? randomValue(r) : r.pick(COMMANDS) }
  for (const field of ['uuid', 'data', 'expire', 'error', 'timeout', 'protocol', 'account', 'broadcast', 'pok']) {
    if (r.int(2) === 0) frame[field] = field === 'uuid' && uuids.length && r.int(2) ? r.pick(uuids) : randomValue(r)
  }
  return JSON.stringify(frame)
}
