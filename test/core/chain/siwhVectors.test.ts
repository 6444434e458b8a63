import { readFileSync, writeFileSync } from 'node:fs'
import { cryptoUtils, Signature } from '@hiveio/dhive'
import { describe, expect, it } from 'vitest'
import { createLoginMessage, type LoginMessage, parseLoginMessage } from '../../../src/core/chain/loginMessage'
import { verifyLoginMessage } from '../../../src/core/chain/verifyLoginMessage'
import { bufferEnvelope } from '../../../src/core/crypto/challengeSpelling'
import { HasInvalidArgumentError } from '../../../src/core/errors/HasInvalidArgumentError'
import { createChain } from '../../../src/devkit/chain'
import { alice, carol, mallory } from '../../fixtures/siwh/common'
import { buildFormatVectors } from '../../fixtures/siwh/formatVectors'
import { buildVerificationVectors, highSTwin, type VerificationVector } from '../../fixtures/siwh/verificationVectors'

// The Sign in with Hive test vectors shipped in the package (docs/sign-in-with-hive.vectors.json): this test builds
// them from the implementation (UPDATE_SIWH_VECTORS=1 writes the file), checks the file is what it builds, runs every
// vector against the implementation, and has dhive recover every signer, so the vectors do not just agree with us.

const FILE = 'docs/sign-in-with-hive.vectors.json'

function buildVectors() {
  return {
    about:
      'Sign in with Hive test vectors (docs/sign-in-with-hive.md). Keys are throwaway test keys: PrivateKey.fromLogin(name, "test-password-not-real", role). A verification vector gives the account’s posting authority on chain (null: no such account), the relying party’s checks (its sites, URI, the time, maxAgeMs defaulting to 600000, and, when present, the nonces it holds) with a clock skew of 60000 ms, and the outcome; signedOver says whether the signer signed the message’s bytes or its Buffer-JSON envelope.',
    keys: {
      alice: alice.publicKeys.posting,
      aliceActive: alice.publicKeys.active,
      carol: carol.publicKeys.posting,
      mallory: mallory.publicKeys.posting,
    },
    format: buildFormatVectors(),
    verification: buildVerificationVectors(),
  }
}

// Built inside a test, not at load: an implementation that cannot build them fails a test instead of the whole file.
if (process.env.UPDATE_SIWH_VECTORS) writeFileSync(FILE, `${JSON.stringify(buildVectors(), null, 2)}\n`)
const shipped = JSON.parse(readFileSync(FILE, 'utf8')) as ReturnType<typeof buildVectors>

/** Runs one verification vector against verifyLoginMessage on a devkit node holding the vector's authority. */
async function run(v: VerificationVector) {
  const chain = createChain({ accounts: v.posting ? ['alice'] : ['bob'] })
  if (v.posting) {
    const posting = v.posting
    chain.update('alice', (a) => {
      a.posting = posting
    })
  }
  const { nonces } = v.checks
  return verifyLoginMessage({
    message: v.message,
    signature: v.signature,
    domain: v.checks.domain,
    uri: v.checks.uri,
    time: new Date(v.checks.time),
    maxAgeMs: v.checks.maxAgeMs,
    ...(nonces ? { hasNonce: (nonce: string) => nonces.includes(nonce) } : {}),
    nodes: [chain.url],
    fetch: chain.fetch,
    cacheMs: 0,
  } as Parameters<typeof verifyLoginMessage>[0])
}

describe('Sign in with Hive vectors', () => {
  it('the shipped file is what the implementation builds', () => {
    expect(shipped).toEqual(buildVectors())
  })

  it.each(shipped.format.valid.map((v) => [v.name, v] as const))('valid: %s parses to its fields, and its fields write it', (_, v) => {
    expect(parseLoginMessage(v.message)).toEqual(v.fields)
    expect(createLoginMessage(v.fields as LoginMessage)).toBe(v.message)
  })

  it.each(shipped.format.invalid.map((v) => [v.name, v] as const))('must fail to parse: %s', (_, v) => {
    expect(() => parseLoginMessage(v.message)).toThrow(HasInvalidArgumentError)
  })

  it.each(shipped.verification.map((v) => [v.name, v] as const))('verification: %s', async (_, v) => {
    const result = await run(v as VerificationVector)
    expect({ valid: result.valid, ...(result.code ? { code: result.code } : {}) }).toEqual(v.expect)
    // A refusal always says why, in words for a log (the code is what a program reads).
    if (!result.valid) expect(result.reason, v.name).toMatch(/^\S(.*\S)?$/s)
  })

  it('dhive recovers the signer of every signature the vectors call canonical, over what it signed', () => {
    for (const v of shipped.verification.filter((x) => x.expect.code !== 'malformed_signature')) {
      const input = v.signedOver === 'envelope' ? bufferEnvelope(v.message) : v.message
      const recovered = Signature.fromString(v.signature).recover(cryptoUtils.sha256(input)).toString()
      if (v.name.includes('spelled with spaces') || v.name.includes('trailing line break')) continue // signed over other bytes on purpose
      expect(recovered, v.name).toBe(v.signer)
    }
  })

  it('the high-S twin is a real twin: dhive recovers the same key from it', () => {
    const v = shipped.verification.find((x) => x.name === 'one posting key')!
    const twin = highSTwin(v.signature)
    expect(Signature.fromString(twin).recover(cryptoUtils.sha256(v.message)).toString()).toBe(v.signer)
    expect(shipped.verification.find((x) => x.name === 'the high-S twin of a valid signature')!.signature).toBe(twin)
  })
})
