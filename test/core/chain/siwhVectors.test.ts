import { readFileSync, writeFileSync } from 'node:fs'
import { cryptoUtils, Signature } from '@hiveio/dhive'
import { describe, expect, it } from 'vitest'
import type { HiveAuthority } from '../../../src/core/chain/hiveAccounts'
import { createLoginMessage, HIVE_MIRRORNET, type LoginMessage, parseLoginMessage } from '../../../src/core/chain/loginMessage'
import { verifyLoginMessage } from '../../../src/core/chain/verifyLoginMessage'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { createDevkitAccount } from '../../../src/devkit/accounts'
import { createChain } from '../../../src/devkit/chain'
import { signMessage } from '../../../src/devkit/keys'

// The Sign in with Hive test vectors shipped in the package (docs/sign-in-with-hive.vectors.json): this test builds
// them from the implementation (UPDATE_SIWH_VECTORS=1 writes the file), checks the file is what it builds, runs every
// vector against the implementation, and has dhive recover every signer, so the vectors do not just agree with us.

const FILE = 'docs/sign-in-with-hive.vectors.json'
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const alice = createDevkitAccount('alice')
const carol = createDevkitAccount('carol')
const mallory = createDevkitAccount('mallory')
const single = (key: string): HiveAuthority => ({ weight_threshold: 1, account_auths: [], key_auths: [[key, 1]] })
const base: LoginMessage = {
  domain: 'example.com',
  account: 'alice',
  uri: 'https://example.com/',
  nonce: 'k3yNonce2026',
  statement: 'Log in to Example.',
  issuedAt: '2026-12-01T10:00:00.000Z',
  expirationTime: '2026-12-01T10:10:00.000Z',
}
const checks = { domain: 'example.com', uri: 'https://example.com/', time: '2026-12-01T10:05:00.000Z' }

interface VerificationVector {
  name: string
  message: string
  signature: string
  /** The key that made the signature (what dhive recovers). */
  signer: string
  /** The account's posting authority on chain when it is checked. */
  posting: HiveAuthority
  checks: { domain: string; uri: string; time: string; maxAgeMs?: number }
  expect: { valid: boolean; code?: string }
}

function lowerHighS(signature: string): string {
  const header = Number.parseInt(signature.slice(0, 2), 16)
  const twin = (N - BigInt(`0x${signature.slice(66)}`)).toString(16).padStart(64, '0')
  return (header ^ 1).toString(16).padStart(2, '0') + signature.slice(2, 66) + twin
}

function buildVectors() {
  const text = (fields: LoginMessage) => createLoginMessage(fields)
  const signed = (fields: LoginMessage, key = alice.keys.posting!) => {
    const message = text(fields)
    return { message, signature: signMessage(message, key) }
  }
  const ok = signed(base)
  const vector = (
    name: string,
    v: Omit<VerificationVector, 'name' | 'checks' | 'signer'> & { checks?: Partial<VerificationVector['checks']>; signer?: string },
  ) => ({
    name,
    signer: alice.publicKeys.posting,
    ...v,
    checks: { ...checks, ...v.checks },
  })
  const verification: VerificationVector[] = [
    vector('one posting key', { ...ok, posting: single(alice.publicKeys.posting), expect: { valid: true } }),
    vector('one of several keys, not the first', {
      ...ok,
      posting: {
        weight_threshold: 1,
        account_auths: [],
        key_auths: [
          [carol.publicKeys.posting, 1],
          [alice.publicKeys.posting, 1],
        ],
      },
      expect: { valid: true },
    }),
    vector('a key whose weight meets a threshold of 2', {
      ...ok,
      posting: { weight_threshold: 2, account_auths: [], key_auths: [[alice.publicKeys.posting, 2]] },
      expect: { valid: true },
    }),
    vector('a key that cannot meet the threshold alone', {
      ...ok,
      posting: {
        weight_threshold: 2,
        account_auths: [],
        key_auths: [
          [alice.publicKeys.posting, 1],
          [carol.publicKeys.posting, 1],
        ],
      },
      expect: { valid: false, code: 'key_not_authorized' },
    }),
    vector('another account’s key signing for alice', {
      ...signed(base, mallory.keys.posting!),
      signer: mallory.publicKeys.posting,
      posting: single(alice.publicKeys.posting),
      expect: { valid: false, code: 'key_not_authorized' },
    }),
    vector('the 27-based header of a valid signature', {
      message: ok.message,
      signature: (Number.parseInt(ok.signature.slice(0, 2), 16) - 4).toString(16) + ok.signature.slice(2),
      posting: single(alice.publicKeys.posting),
      expect: { valid: false, code: 'malformed_signature' },
    }),
    vector('a valid signature in upper case', {
      message: ok.message,
      signature: ok.signature.toUpperCase(),
      posting: single(alice.publicKeys.posting),
      expect: { valid: false, code: 'malformed_signature' },
    }),
    vector('the high-S twin of a valid signature', {
      message: ok.message,
      signature: lowerHighS(ok.signature),
      posting: single(alice.publicKeys.posting),
      expect: { valid: false, code: 'malformed_signature' },
    }),
    vector('a message for another domain', {
      ...ok,
      posting: single(alice.publicKeys.posting),
      checks: { domain: 'other.example' },
      expect: { valid: false, code: 'domain' },
    }),
    vector('a message for another URI', {
      ...ok,
      posting: single(alice.publicKeys.posting),
      checks: { uri: 'https://example.com/admin' },
      expect: { valid: false, code: 'uri' },
    }),
    vector('after its Expiration Time (and the minute of skew)', {
      ...ok,
      posting: single(alice.publicKeys.posting),
      checks: { time: '2026-12-01T10:11:00.000Z' },
      expect: { valid: false, code: 'expired' },
    }),
    vector('without an Expiration Time, older than the maximum age', {
      ...signed({ ...base, expirationTime: undefined }),
      posting: single(alice.publicKeys.posting),
      checks: { time: '2026-12-01T10:30:00.000Z', maxAgeMs: 600_000 },
      expect: { valid: false, code: 'expired' },
    }),
    vector('before its Not Before time', {
      ...signed({ ...base, notBefore: '2026-12-01T11:00:00.000Z', expirationTime: '2026-12-01T12:00:00.000Z' }),
      posting: single(alice.publicKeys.posting),
      expect: { valid: false, code: 'not_yet_valid' },
    }),
    vector('a message for the mirror net', {
      ...signed({ ...base, chainId: HIVE_MIRRORNET }),
      posting: single(alice.publicKeys.posting),
      expect: { valid: false, code: 'chain_id' },
    }),
  ]
  const full: LoginMessage = {
    ...base,
    scheme: 'https',
    notBefore: '2026-12-01T09:59:00.000Z',
    requestId: 'req-42',
    resources: ['https://example.com/tos'],
  }
  const valid = [
    { name: 'the kit’s default login', fields: base },
    { name: 'no statement', fields: { ...base, statement: undefined } },
    { name: 'every field', fields: full },
    { name: 'a non-English statement', fields: { ...base, statement: 'Anmelden bei Beispiel – 例え 🙂' } },
  ].map(({ name, fields }) => {
    const clean = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
    return { name, fields: { version: '1', chainId: 'beeab0de000000000000000000000000', ...clean }, message: text(fields) }
  })
  const good = text(base)
  const invalid = [
    ['one empty line where two are needed', text({ ...base, statement: undefined }).replace('alice\n\n\n', 'alice\n\n')],
    ['an Ethereum header', good.replace('Hive account', 'Ethereum account')],
    ['a CR in the statement', good.replace('Log in to', 'Log in\rto')],
    ['a line separator in the statement', good.replace('Log in to', 'Log in\u2028URI: https://evil.example/\u2028to')],
    ['a right-to-left override in the statement', good.replace('Log in to', 'Log in \u202eto')],
    ['a NUL in the statement', good.replace('Log in to', 'Log in\u0000to')],
    ['a chain id of 42', good.replace(/Chain ID: \w+/, 'Chain ID: 42')],
    ['an upper-case chain id', good.replace(/Chain ID: \w+/, 'Chain ID: BEEAB0DE000000000000000000000000')],
    ['30 February', good.replace('2026-12-01T10:00:00.000Z', '2026-02-30T10:00:00.000Z')],
    ['a nonce of 7 characters', good.replace('k3yNonce2026', 'short12')],
    ['an invalid account name', good.replace('\nalice\n', '\nAlice\n')],
    [
      'fields out of order',
      good.replace('Version: 1\nChain ID: beeab0de000000000000000000000000', 'Chain ID: beeab0de000000000000000000000000\nVersion: 1'),
    ],
    ['a trailing line break', `${good}\n`],
    ['a URI with a space', good.replace('URI: https://example.com/', 'URI: https://example.com/ x')],
  ].map(([name, message]) => ({ name, message }))
  return {
    about:
      'Sign in with Hive test vectors (docs/sign-in-with-hive.md). Keys are throwaway test keys: PrivateKey.fromLogin(name, "test-password-not-real", role). Verification vectors check the posting authority given, at the time given, against the domain and URI given; maxAgeMs defaults to 600000 and the clock skew to 60000 ms.',
    keys: { alice: alice.publicKeys.posting, carol: carol.publicKeys.posting, mallory: mallory.publicKeys.posting },
    format: { valid, invalid },
    verification,
  }
}

const vectors = buildVectors()
if (process.env.UPDATE_SIWH_VECTORS) writeFileSync(FILE, `${JSON.stringify(vectors, null, 2)}\n`)
const shipped = JSON.parse(readFileSync(FILE, 'utf8')) as ReturnType<typeof buildVectors>

describe('Sign in with Hive vectors', () => {
  it('the shipped file is what the implementation builds', () => {
    expect(shipped).toEqual(vectors)
  })

  it.each(shipped.format.valid.map((v) => [v.name, v] as const))('valid: %s parses to its fields, and its fields write it', (_, v) => {
    expect(parseLoginMessage(v.message)).toEqual(v.fields)
    expect(createLoginMessage(v.fields as LoginMessage)).toBe(v.message)
  })

  it.each(shipped.format.invalid.map((v) => [v.name, v] as const))('must fail to parse: %s', (_, v) => {
    expect(() => parseLoginMessage(v.message as string)).toThrow(HasInvalidArgumentError)
  })

  it.each(shipped.verification.map((v) => [v.name, v] as const))('verification: %s', async (_, v) => {
    const chain = createChain({ accounts: ['alice'] })
    chain.update('alice', (a) => {
      a.posting = v.posting
    })
    const result = await verifyLoginMessage({
      message: v.message,
      signature: v.signature,
      domain: v.checks.domain,
      uri: v.checks.uri,
      time: new Date(v.checks.time),
      maxAgeMs: v.checks.maxAgeMs,
      nodes: [chain.url],
      fetch: chain.fetch,
    })
    expect({ valid: result.valid, ...(result.code ? { code: result.code } : {}) }).toEqual(v.expect)
  })

  it('dhive recovers the signer of every signature the vectors call canonical', () => {
    for (const v of shipped.verification.filter((x) => x.expect.code !== 'malformed_signature')) {
      const recovered = Signature.fromString(v.signature).recover(cryptoUtils.sha256(v.message)).toString()
      expect(recovered, v.name).toBe(v.signer)
    }
  })
})
